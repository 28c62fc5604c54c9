#include "model/core/jumptarget.h"

#include "model/core/hosttarget.h"

namespace Chorus {

JumpTarget::JumpTarget(const HostTarget &target) : m_target(std::make_shared<const HostTarget>(target)) {}

bool JumpTarget::operator==(const JumpTarget &other) const
{
    if (!m_target || !other.m_target)
        return !m_target && !other.m_target;
    return *m_target == *other.m_target;
}

} // namespace Chorus
