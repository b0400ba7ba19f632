/// Templates by name, which are each other's partials; renders them into UTF-8 bytes.
///
/// Each template is also known by a number, and each partial a template names by the number
/// of that partial (worked out again whenever a template is registered), so rendering hashes a
/// name only for the template it starts with and for a dynamic partial it has not met yet.
public struct TemplateLibrary: Sendable {
    public private(set) var templates: [String: Template] = [:]
    /// The templates in name order, with their partials' numbers.
    private(set) var linked: [Linked] = []
    private var numbers: [String: Int] = [:]

    /// A template with the number of each partial it names (`-1`: no template of that name).
    struct Linked: Sendable {
        let template: Template
        let partials: [Int]
    }

    public init() {}

    /// Parses `source` as the template `name` (replacing any of that name).
    public mutating func register(_ source: String, named name: String) throws(TemplateError) {
        register(try Template(source, name: name))
    }

    public mutating func register(_ template: Template) {
        templates[template.name] = template
        let names = templates.keys.sorted()
        numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        linked = names.map { link(templates[$0]!) }
    }

    private func link(_ template: Template) -> Linked {
        Linked(template: template, partials: template.program.partials.map { numbers[$0] ?? -1 })
    }

    /// The number of the template `name`.
    func number(of name: String) -> Int? { numbers[name] }

    /// Appends the template `name` rendered with `context` to `out`; nothing for an unknown name.
    public func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8]) {
        guard let number = numbers[name] else { return }
        render(linked[number], context, into: &out)
    }

    /// Appends `template` rendered with `context` to `out`; its partials come from this library.
    public func render(_ template: Template, _ context: TemplateValue, into out: inout [UInt8]) {
        render(link(template), context, into: &out)
    }

    private func render(_ template: Linked, _ context: TemplateValue, into out: inout [UInt8]) {
        var renderer = TemplateRenderer(library: self, out: out, stack: [context])
        renderer.render(template)
        out = renderer.bytes()
    }

    /// The template `name` rendered with `context`.
    public func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        var out: [UInt8] = []
        render(name, context, into: &out)
        return out
    }
}
