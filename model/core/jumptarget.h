#pragma once

#include <memory>

namespace Chorus {

struct HostTarget;

// The last jump host of a HostTarget, resolved in full (from its own host profile: its user, key,
// password in the keychain, host key policy), which may have jump hosts of its own. A value: copies
// share one immutable target, so it crosses threads like the HostTarget that holds it.
class JumpTarget
{
public:
    JumpTarget() = default;
    explicit JumpTarget(const HostTarget &target);

    const HostTarget *get() const { return m_target.get(); }
    const HostTarget &operator*() const { return *m_target; }
    const HostTarget *operator->() const { return m_target.get(); }
    explicit operator bool() const { return bool(m_target); }
    bool operator==(const JumpTarget &other) const; // equal targets, not the same copy

private:
    std::shared_ptr<const HostTarget> m_target;
};

} // namespace Chorus
