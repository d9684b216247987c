extension TemplateText {
    package var english: String {
        switch self {
        case .unknownTemplate(let names):
            "unknown template; templates are named NAME.LANG.mustache with NAME one of \(names.joined(separator: ", ")) and LANG fr or en; it is ignored"
        case .syntax(.closedWithAnotherName):
            "template error: a section is closed with another name than it was opened with"
        case .syntax(.unclosedTag): "template error: a tag is not closed (expected }})"
        case .syntax(.unclosedSection): "template error: a section is not closed (expected {{/name}})"
        case .syntax(.badSetDelimiter): "template error: a set-delimiter tag is malformed"
        case .syntax(.unknownPragma): "template error: a {{% … }} pragma is not understood"
        case .syntax(.other): "template error: Mustache cannot read this template"
        }
    }
}
