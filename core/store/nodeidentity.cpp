// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/nodeidentity.h"

#include <QSet>

namespace Meridian {

QString NodeIdentity::shortName(const QString& id)
{
    // A host name: letters, digits, '-', '_' and dots; an IP address (all labels numeric), "host:9100" or
    // anything with a '/' is an address, not a name.
    bool letter = false;
    for (QChar c : id) {
        if (c.isLetter())
            letter = true;
        else if (!c.isDigit() && c != u'.' && c != u'-' && c != u'_')
            return {};
    }
    const qsizetype dot = id.indexOf(u'.');
    const QString first = (dot < 0 ? id : id.left(dot)).toLower();
    if (!letter || first.isEmpty())
        return {};
    return first;
}

QString NodeIdentity::lookup(const QString& id) const
{
    if (const auto it = m_alias.constFind(id); it != m_alias.cend())
        return *it;
    const QString s = shortName(id);
    if (s.isEmpty())
        return id;
    const auto known = m_byShort.constFind(s);
    if (known == m_byShort.cend() || *known == id)
        return id;
    // A bare name is the node first seen under it; an FQDN only the node known by the bare name.
    const bool bare = !id.contains(u'.');
    const bool knownBare = !known->contains(u'.');
    if (bare)
        return *known;
    if (!knownBare)
        return id;
    const auto joined = m_fqdnOf.constFind(*known);
    return joined == m_fqdnOf.cend() || joined->compare(id, Qt::CaseInsensitive) == 0 ? *known : id;
}

QString NodeIdentity::resolve(const QString& id)
{
    const QString canonical = lookup(id);
    if (canonical != id) {
        m_alias.insert(id, canonical);
        if (id.contains(u'.') && !canonical.contains(u'.'))
            m_fqdnOf.insert(canonical, id);
        return canonical;
    }
    if (const QString s = shortName(id); !s.isEmpty() && !m_byShort.contains(s))
        m_byShort.insert(s, id);
    return id;
}

QStringList NodeIdentity::withoutMatch(const QStringList& ids, const QStringList& known)
{
    NodeIdentity identity;
    QSet<QString> nodes;
    for (const QString& k : known)
        nodes.insert(identity.resolve(k));
    QStringList out;
    for (const QString& id : ids) {
        if (!nodes.contains(identity.lookup(id)))
            out.append(id);
    }
    return out;
}

void NodeIdentity::forget(const QString& canonical)
{
    if (const QString s = shortName(canonical); !s.isEmpty()) {
        if (const auto it = m_byShort.find(s); it != m_byShort.end() && *it == canonical)
            m_byShort.erase(it);
    }
    m_fqdnOf.remove(canonical);
    for (auto it = m_alias.begin(); it != m_alias.end();) {
        if (*it == canonical || it.key() == canonical)
            it = m_alias.erase(it);
        else
            ++it;
    }
}

} // namespace Meridian
