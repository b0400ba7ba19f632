import Foundation
public import KlasterStore

/// What changed in a copy since its last sync with each copy it knows (`klaster status`).
public struct PeerStatus: Sendable, Equatable {
    /// The other copy's id, and where it was at the last sync.
    public var peer: String
    public var location: String?
    /// Records of this copy added, changed or deleted since that sync, in path order.
    public var changes: [(path: String, effect: SyncReport.Effect)]
    /// Records left with conflict markers by a sync with that copy, not yet synced again.
    public var pendingConflicts: [String]
    /// Records that sync kept after a delete-vs-edit conflict with that copy (deleted in one
    /// copy, changed in the other) and that have not changed since.
    public var keptAfterDeletion: [String]

    public static func == (lhs: PeerStatus, rhs: PeerStatus) -> Bool {
        lhs.peer == rhs.peer && lhs.location == rhs.location && lhs.pendingConflicts == rhs.pendingConflicts && lhs.keptAfterDeletion == rhs.keptAfterDeletion
            && lhs.changes.map(\.path) == rhs.changes.map(\.path) && lhs.changes.map(\.effect) == rhs.changes.map(\.effect)
    }

    /// Every peer of `store` with a base, by id. Reads only; files that changed are hashed.
    public static func all(of store: Store) throws(StoreError) -> [PeerStatus] {
        let folder = store.statePath + "/peers"
        guard let peers = try FileIO.list(folder) else { return [] }
        let known = peers.filter(CopyIdentity.isValid).sorted()
        if known.isEmpty { return [] }
        let scan = try StoreScan.scan(root: store.root, cache: StatCache.load(root: store.root))
        var out: [PeerStatus] = []
        for peer in known {
            guard let base = try SyncBase.load(SyncBase.path(root: store.root, peer: peer)) else { continue }
            var changes: [(String, SyncReport.Effect)] = []
            for path in Set(base.records.keys).union(scan.paths).sorted() where base.pending[path] == nil {
                switch (base.hash(path), scan.hash(path)) {
                case (nil, _?): changes.append((path, .added))
                case (_?, nil): changes.append((path, .deleted))
                case (let old?, let new?) where old != new: changes.append((path, .changed))
                default: break
                }
            }
            let location = FileManager.default.contents(atPath: folder + "/" + peer + "/location")
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .newlines) }
            let kept = base.kept.filter { scan.hash($0.key) == $0.value }.keys.sorted()
            out.append(PeerStatus(peer: peer, location: location, changes: changes, pendingConflicts: base.pending.keys.sorted(), keptAfterDeletion: kept))
        }
        return out
    }
}
