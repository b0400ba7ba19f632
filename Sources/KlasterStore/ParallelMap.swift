import Dispatch

/// Runs `body` over every element on all cores and returns the results in input order.
///
/// Work is handed out in chunks so that thousands of small files cost little coordination; for
/// a handful of elements it runs inline.
package func parallelMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element],
    chunk: Int = 64,
    _ body: @Sendable (Element) -> Result
) -> [Result] {
    let count = elements.count
    if count <= chunk {
        return elements.map(body)
    }
    let chunks = (count + chunk - 1) / chunk
    let storage = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    storage.initialize(repeating: nil)
    defer { storage.deallocate() }
    nonisolated(unsafe) let slots = storage
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let start = c * chunk
        let end = min(start + chunk, count)
        for i in start..<end {
            slots[i] = body(elements[i])
        }
    }
    // Move the results out, so that the storage is left uninitialised and nothing leaks when it
    // is deallocated (deallocation does not release what the slots hold).
    return (0..<count).map { (storage.baseAddress! + $0).move()! }
}

extension Store {
    /// Runs `body` over the files on all cores; results come back in the files' order.
    public func map<Result: Sendable>(_ files: [RecordFile], _ body: @Sendable (RecordFile) -> Result) -> [Result] {
        parallelMap(files, body)
    }
}
