extension TemplateText {
    package var french: FrenchText {
        switch self {
        case .unknownTemplate(let names):
            "modèle inconnu ; les modèles s'appellent NOM.LANGUE.mustache, NOM parmi \(names.joined(separator: ", ")) et LANGUE fr ou en ; il est ignoré"
        case .syntax(.closedWithAnotherName):
            "erreur de modèle : une section est fermée sous un autre nom que celui de son ouverture"
        case .syntax(.unclosedTag): "erreur de modèle : une balise n'est pas fermée (}} attendu)"
        case .syntax(.unclosedSection): "erreur de modèle : une section n'est pas fermée ({{/nom}} attendu)"
        case .syntax(.badSetDelimiter): "erreur de modèle : une balise de changement de délimiteurs est mal formée"
        case .syntax(.unknownPragma): "erreur de modèle : une directive {{% … }} n'est pas comprise"
        case .syntax(.other): "erreur de modèle : Mustache ne peut pas lire ce modèle"
        }
    }
}
