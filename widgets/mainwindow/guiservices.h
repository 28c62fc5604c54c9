#pragma once

namespace Chorus {

class ProfileStore;
class RunHistory;
class SecretStore;
class WorkerPool;

// What the main window works with, built and owned by the composition root (app/guiapp): the SSH
// engine, the keychain, the saved host profiles (loaded) and the run history (open). The window uses
// them and never makes its own, so tests can hand it theirs.
struct GuiServices
{
    WorkerPool *pool = nullptr;
    SecretStore *secrets = nullptr;
    ProfileStore *profiles = nullptr;
    RunHistory *history = nullptr;
};

} // namespace Chorus
