import Foundation
import Mustache

/// The Mustache templates of emails: built-in French and English ones, each replaceable by a file
/// `templates/NAME.LANG.mustache` in the configuration directory (`reminder-subject.fr.mustache`, …).
///
/// Templates render plain text: every template is read as if it began with `{{% CONTENT_TYPE: TEXT }}`, so that
/// `{{title}}` is never HTML-escaped.
package struct MailTemplates: Sendable {
    package static let names = ["reminder-subject", "reminder-body", "digest-subject", "digest-body"]
    package static let folder = "templates"
    private static let pragma = "{{% CONTENT_TYPE: TEXT }}"

    private var templates: [String: MustacheTemplate] = [:]

    /// The built-in templates.
    package static let builtIn: MailTemplates = {
        var result = MailTemplates()
        for (key, text) in BuiltInTemplates.all {
            // French ones are typeset as the catalogue is (a narrow no-break space before « : ; ? ! »); the values
            // put into them are not. Built-in templates are part of jalon and parse; a failure here is a bug caught
            // by the tests.
            let typeset = key.hasSuffix(".fr") ? FrenchText.typeset(text) : text
            if let template = try? MustacheTemplate(string: pragma + typeset) { result.templates[key] = template }
        }
        return result
    }()

    /// The built-in templates with the configuration's overrides, and the problems of the files that could not be
    /// used (they are left out: the built-in template stands in).
    package static func load(configurationDirectory: String) -> (MailTemplates, [Diagnostic]) {
        var result = builtIn
        var diagnostics: [Diagnostic] = []
        let folder = configurationDirectory + "/" + MailTemplates.folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return (result, []) }
        for name in names.sorted() where !name.hasPrefix(".") {
            let relative = MailTemplates.folder + "/" + name
            guard name.hasSuffix(".mustache") else { continue }
            let key = String(name.dropLast(".mustache".count))
            let parts = key.split(separator: ".")
            guard parts.count == 2, MailTemplates.names.contains(String(parts[0])),
                Language(rawValue: String(parts[1])) != nil
            else {
                diagnostics.append(
                    Diagnostic(
                        file: relative, position: .start, severity: .warning,
                        message: "unknown template; templates are named NAME.LANG.mustache with NAME one of "
                            + MailTemplates.names.joined(separator: ", ") + " and LANG fr or en; it is ignored"))
                continue
            }
            switch ConfigFile.read(configurationDirectory + "/" + relative) {
            case .refused(let message, let position):
                diagnostics.append(Diagnostic(file: relative, position: position, severity: .error, message: message))
            case .text(let text):
                do {
                    result.templates[key] = try MustacheTemplate(string: pragma + text)
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma sits on the first line: columns there are shifted by its length.
                    let line = error.context.lineNumber
                    let column = max(1, error.context.columnNumber - (line == 1 ? pragma.count : 0))
                    diagnostics.append(
                        Diagnostic(
                            file: relative, position: SourcePosition(line: line, column: column), severity: .error,
                            message: "template error: \(describe(error.error))"))
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            file: relative, position: .start, severity: .error, message: "template error: \(error)"))
                }
            }
        }
        return (result, diagnostics)
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with another name than it was opened with"
        case .unfinishedName?: "a tag is not closed (expected }})"
        case .expectedSectionEnd?: "a section is not closed (expected {{/name}})"
        case .invalidSetDelimiter?: "a set-delimiter tag is malformed"
        case .unrecognisedConfigVariable?, .invalidConfigVariableSyntax?: "a {{% … }} pragma is not understood"
        default: "\(error)"
        }
    }

    /// Renders template `name` in `language` with `context` (nested dictionaries, arrays, strings, numbers and
    /// booleans).
    package func render(_ name: String, _ language: Language, _ context: [String: Any]) -> String {
        guard let template = templates[name + "." + language.rawValue] else { return "" }
        return template.render(context)
    }
}

/// The templates jalon ships: a person or a consultant should be glad to read them.
enum BuiltInTemplates {
    static let all: [String: String] = [
        "reminder-subject.fr":
            "{{#late}}[En retard] {{/late}}{{#follow_up}}Relance {{follow_up_number}} – {{/follow_up}}"
            + "{{heading}} : {{title}} – {{when_short}}",
        "reminder-subject.en": "{{#late}}[Late] {{/late}}{{#follow_up}}Follow-up {{follow_up_number}} – {{/follow_up}}"
            + "{{heading}}: {{title}} – {{when_short}}",
        "reminder-body.fr": """
        {{greeting}}

        {{#late}}Ce rappel part en retard ; il était prévu le {{due}}.{{#late_reason}} Pourquoi : {{late_reason}}.{{/late_reason}}

        {{/late}}{{#follow_up}}Relance n° {{follow_up_number}} : cet élément n'est pas encore marqué comme fait.

        {{/follow_up}}{{intro}}

          Quoi   : {{title}}
          Pour   : {{person_name}}{{#consultant_name}} (accompagnement : {{consultant_name}}){{/consultant_name}}
          Quand  : {{when}}, {{relative}}
        {{#place}}  Où     : {{place}}
        {{/place}}{{#duration}}  Durée  : {{duration}}
        {{/duration}}

        {{next_step}}

        {{signature}}

        --\u{20}
        {{footer}}

        """,
        "reminder-body.en": """
        {{greeting}}

        {{#late}}This reminder is late; it was due on {{due}}.{{#late_reason}} Why: {{late_reason}}.{{/late_reason}}

        {{/late}}{{#follow_up}}Follow-up no. {{follow_up_number}}: this item is not marked as done yet.

        {{/follow_up}}{{intro}}

          What:      {{title}}
          For:       {{person_name}}{{#consultant_name}} (supported by {{consultant_name}}){{/consultant_name}}
          When:      {{when}}, {{relative}}
        {{#place}}  Where:     {{place}}
        {{/place}}{{#duration}}  Duration:  {{duration}}
        {{/duration}}

        {{next_step}}

        {{signature}}

        --\u{20}
        {{footer}}

        """,
        "digest-subject.fr": "Votre journée du {{date}} : {{count}} point(s) de suivi",
        "digest-subject.en": "Your day, {{date}}: {{count}} follow-up item(s)",
        "digest-body.fr": """
        Bonjour {{consultant_name}},

        Voici le point du {{date}}, pour les 7 jours jusqu'au {{until}}.

        Séances du jour :
        {{#sessions}}  - {{time}} : {{title}} avec {{person_name}}{{#place}} ({{place}}){{/place}} – {{id}}
        {{/sessions}}{{^sessions}}  (aucune)
        {{/sessions}}

        Dans les 7 jours :
        {{#week}}  - {{date}} : {{title}} ({{kind}}) – {{person_name}} – {{id}}
        {{/week}}{{^week}}  (rien)
        {{/week}}

        En retard, pas encore faits :
        {{#overdue}}  - depuis le {{date}} : {{title}} ({{kind}}) – {{person_name}} – {{id}}
        {{/overdue}}{{^overdue}}  (rien)
        {{/overdue}}

        Pour marquer un élément comme fait : jalon done suivi de son identifiant PERSONNE/ÉLÉMENT, donné en fin de ligne{{#example}} (par exemple jalon done {{example}}){{/example}}.

        --\u{20}
        Message envoyé automatiquement par jalon{{#sender_name}} pour {{sender_name}}{{/sender_name}}.

        """,
        "digest-body.en": """
        Hello {{consultant_name}},

        Here is your summary for {{date}}, for the 7 days until {{until}}.

        Today's sessions:
        {{#sessions}}  - {{time}}: {{title}} with {{person_name}}{{#place}} ({{place}}){{/place}} – {{id}}
        {{/sessions}}{{^sessions}}  (none)
        {{/sessions}}

        In the next 7 days:
        {{#week}}  - {{date}}: {{title}} ({{kind}}) – {{person_name}} – {{id}}
        {{/week}}{{^week}}  (nothing)
        {{/week}}

        Overdue, not done yet:
        {{#overdue}}  - since {{date}}: {{title}} ({{kind}}) – {{person_name}} – {{id}}
        {{/overdue}}{{^overdue}}  (nothing)
        {{/overdue}}

        To mark an item as done: jalon done followed by its PERSON/ITEM id, given at the end of its line{{#example}} (for example jalon done {{example}}){{/example}}.

        --\u{20}
        Sent automatically by jalon{{#sender_name}} for {{sender_name}}{{/sender_name}}.

        """,
    ]
}
