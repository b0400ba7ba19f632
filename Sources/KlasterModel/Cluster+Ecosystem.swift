extension Cluster {
    /// The EU's 14 industrial ecosystems, as the European Cluster Collaboration Platform types them.
    public enum Ecosystem: String, Hashable, Sendable, Codable, CaseIterable {
        case aerospaceDefence = "aerospace-defence"
        case agriFood = "agri-food"
        case construction
        case culturalCreativeIndustries = "cultural-creative-industries"
        case digital, electronics
        case energyIntensiveIndustries = "energy-intensive-industries"
        case energyRenewables = "energy-renewables"
        case health
        case mobilityTransportAutomotive = "mobility-transport-automotive"
        case proximitySocialEconomy = "proximity-social-economy"
        case retail, textiles, tourism
    }
}
