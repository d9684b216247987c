/// The problems of the mail templates of the configuration directory (`templates/NAME.LANG.mustache`), shown by
/// `jalon check` and in the journal, in the settings' language, with the code `template`.
package enum TemplateText: Localizable {
    /// A file of `templates/` whose name is not one of a template.
    case unknownTemplate(names: [String])
    case syntax(Syntax)

    /// What Mustache could not read.
    package enum Syntax: Sendable, CaseIterable {
        case closedWithAnotherName
        case unclosedTag
        case unclosedSection
        case badSetDelimiter
        case unknownPragma
        /// Anything else Mustache refuses.
        case other
    }

    package static var samples: [TemplateText] {
        [.unknownTemplate(names: ["reminder-subject", "reminder-body"])] + Syntax.allCases.map { .syntax($0) }
    }
}
