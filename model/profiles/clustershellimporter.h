#pragma once

#include "model/profiles/profileimporter.h"

namespace Chorus {

// Imports ClusterShell node groups: the flat groups file (/etc/clustershell/groups: "name: nodeset"
// per line, '#' comments) or the YAML of groups.d (*.yaml: {source: {name: nodeset}}; chosen by the
// .yaml/.yml suffix). Node sets use HostSet's range syntax ("node[01-20],login1") and may name other
// groups ("@compute", or "@source:name" in YAML); the set operators !, & and ^ are not supported.
//
// Each node becomes one profile (name and host name = the node). A node in several groups is put
// in the first of them (file order) and tagged with the others' names, so that "@tag:NAME" still
// finds every member. The group "all" is ClusterShell's whole cluster: its nodes are imported, but
// it is not made a group or a tag. With several YAML sources, groups are nested as "source/name".
class ClusterShellImporter
{
public:
    static ProfileImporter::Result import(const QString &path);
};

} // namespace Chorus
