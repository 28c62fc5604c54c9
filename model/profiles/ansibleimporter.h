#pragma once

#include "model/profiles/profileimporter.h"

namespace Chorus {

// Imports an Ansible inventory, INI or YAML (chosen by a .yml/.yaml suffix or a leading "all:"):
// groups, :children / children (nested groups), :vars / vars, host ranges ("web[01:20]", with
// HostSet's syntax; alphabetic ranges are not supported) and "host:port".
//
// Variables taken (host variables win over a group's, a child group's over its parent's, "all"
// last): ansible_host, ansible_user, ansible_port (and their old ansible_ssh_* names),
// ansible_ssh_private_key_file (login "key"), ansible_become (use sudo), and a ProxyJump or -J in
// ansible_ssh_common_args / ansible_ssh_extra_args. Passwords (ansible_password, ansible_become_password
// and the like) are reported and never imported. Hosts with a non-SSH ansible_connection are skipped.
//
// A child group is nested under the first group that lists it ("parent/child"); a host goes into the first
// group it is listed in and is tagged with every other group it belongs to (directly or through children)
// that is not already on its group path, so "@tag:NAME" finds all members. "all" and "ungrouped" are
// Ansible's own and become neither groups nor tags.
class AnsibleImporter
{
public:
    static ProfileImporter::Result import(const QString &path);
};

} // namespace Chorus
