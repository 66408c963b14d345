"""The test provider's people and clients, shared by its seed command and the tests."""

PASSWORD = "organisation-pass-1"
PEOPLE = {
    "ada": "ada@nhs.test",
    "mfa-grace": "grace@nhs.test",
    "unverified-eve": "eve@nhs.test",
    "mallory": "mallory@nhs.test",
    "ivy": "ivy@nhs.test",
    "omar": "omar@elsewhere.test",
}
CLIENTS = {"imroc": "imroc-secret", "other-app": "other-secret"}
