extension MailText {
    package var french: FrenchText {
        switch self {
        case .off(.noFrom):
            "aucun courriel ne sera envoyé : [mail] n'a pas d'adresse `from`, alors que des rappels ont des destinataires ; écrivez from = \"Nom <adresse>\" dans [mail]"
        case .off(.disabled):
            "aucun courriel ne sera envoyé : [mail] a enabled = false, alors que des rappels ont des destinataires"
        case .testSubject:
            "jalon : message de test"
        case .testBody(let program):
            "Bonjour,\n\nCe message vérifie que jalon peut envoyer des courriels par \(program).\n"
        case .testRunning(let command):
            "jalon : exécute \(command)"
        case .testThroughDaemon(let pid, let command):
            "jalon : le démon en cours (pid \(pid)) l'envoie, dans son propre environnement : \(command)"
        case .testWithoutDaemon:
            "jalon : aucun démon ne tourne sur ce dossier d'état ; envoi depuis ce terminal"
        case .testAnswer(let status, let output):
            output.isEmpty ? "sendmail : \(status)" : "sendmail : \(status)\n\(output)"
        case .testHandedOver:
            "jalon : le message a été remis."
        case .testDeferred:
            "jalon : sendmail demande de réessayer plus tard."
        case .testRefused:
            "jalon : sendmail a refusé le message."
        case .testNoAnswer(let seconds):
            "jalon : le démon en cours n'a pas donné de résultat en \(seconds) s ; voir journalctl --user -u jalon"
        case .testBlocked(let problem):
            "jalon : le démon en cours ne peut pas envoyer de courriel : \(problem)"
        case .noSender:
            "jalon : jalon.toml n'a pas d'adresse [mail] from d'où envoyer"
        case .statusSummary(let sent, let queued, let retrying, let failed, let dropped):
            "courriels : \(sent) envoyé(s), \(queued) en file, \(retrying) en attente d'un nouvel essai, \(failed) en échec\(dropped > 0 ? ", \(dropped) abandonné(s) (plus d'adresse)" : "")"
        case .statusRetry(let id, let recipient, let due, let attempt, let next, let last):
            "  essai  \(id) à \(recipient) (prévu \(due)) : essai \(attempt) à \(next) ; dernier résultat : \(last)"
        case .statusFailed(let id, let recipient, let due, let attempts, let last):
            "  échec  \(id) à \(recipient) (prévu \(due)) après \(attempts) essai(s) : \(last) ; jalon retry \(id)"
        case .requeued(let count, true):
            "\(count) courriel(s) remis en file, chacun réécrit d'après la configuration ; le démon en cours les envoie maintenant."
        case .requeued(let count, false):
            "\(count) courriel(s) remis en file, chacun réécrit d'après la configuration ; ils partiront au démarrage du démon."
        case .nothingToRequeue(let id):
            "jalon : aucun courriel de \(id) n'attend jalon retry (voir jalon status)"
        case .privilegesLost(let problem):
            "sendmail \(problem.program) est \(problem.setuid ? "setuid" : "setgid") \(problem.owner ?? "(son propriétaire est hors de l'espace de noms d'utilisateurs de jalon)"), mais jalon tourne avec no_new_privs (NoNewPrivileges=, PrivateUsers= ou une option seccomp de son unité) : il ne peut rien remettre, et les courriels attendent en file ; installez le complément d'unité pour un sendmail setuid (systemd/setuid-sendmail.conf, que scripts/install choisit) ou un sendmail qui n'est pas setuid"
        }
    }
}
