extension SendmailText {
    package var english: String {
        switch self {
        case .noProgram: "no sendmail program is configured"
        case .cannotRun(let program, let reason): "sendmail \(program) cannot be run: \(reason.english)"
        case .cannotPrepare(let reason): "cannot prepare the message: \(reason.english)"
        case .timedOut(let seconds): "timed out after \(seconds) s"
        case .exitStatus(let code): "exit status \(code)"
        case .killedBySignal(let signal): "killed by signal \(signal)"
        }
    }
}
