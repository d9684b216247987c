/// The texts of jalon's own argument checks (`validate()`), in the settings' language; ArgumentParser's usage text
/// around them stays its own.
package enum ArgumentText: Localizable {
    case notAnEmailAddress(String)

    package static var samples: [ArgumentText] { [.notAnEmailAddress("marie.example.org")] }
}
