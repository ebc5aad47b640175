// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Finds English words left in text that should be Chinese. What is allowed in a zh_CN
// interface: Chinese, numbers, units, acronyms (GPU, NPU, HBM, ECC…), product and
// vendor names, and identifiers that come from the data (host names, pools, job ids,
// user names) — those are listed by the caller. Anything else made of Latin letters is a
// word a translator never saw.

#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Meridian::Test {

class EnglishDetector
{
public:
    EnglishDetector()
    {
        // Units, product and engine names that a Chinese administrator reads as they are.
        for (const char* w : { "ms", "GiB", "MiB", "TiB", "KiB", "GB", "MB", "KB", "TB", "Meridian", "Ascend", "Huawei",
                 "Nvidia", "Slurm", "Prometheus", "NVLink", "PCIe", "RoCE", "Xid", "Qt", "Linux", "Kubernetes",
                 "scontrol", "sinfo", "squeue", "slurmrestd", "Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "Del",
                 "PgUp", "PgDown", "Home", "End", "English" }) // a language is offered under its own name
            m_allowed.insert(QString::fromLatin1(w).toLower());
    }

    // Data identifiers (node ids, pool names, users…): each whole word is allowed.
    void allow(const QString& identifier)
    {
        static const QRegularExpression word(QStringLiteral("[A-Za-z]+"));
        for (auto it = word.globalMatch(identifier); it.hasNext();)
            m_allowed.insert(it.next().captured().toLower());
    }

    // The English words of text, empty when there are none.
    QStringList englishWords(QString text) const
    {
        static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
        static const QRegularExpression entity(QStringLiteral("&[a-z]+;|&#[0-9]+;"));
        text.remove(tags).remove(entity);
        QStringList found;
        for (const QString& chunk : text.split(
                 QRegularExpression(QStringLiteral("[\\s,;()\\[\\]{}\"'“”‘’，。；：（）、·|]+")), Qt::SkipEmptyParts)) {
            if (isIdentifier(chunk))
                continue;
            static const QRegularExpression word(QStringLiteral("[A-Za-z]+"));
            for (auto it = word.globalMatch(chunk); it.hasNext();) {
                const QString w = it.next().captured();
                if (w.size() >= 2 && !isAcronym(w) && !m_allowed.contains(w.toLower()))
                    found.append(w);
            }
        }
        return found;
    }

private:
    // host-01, guian-trn1, 10.0.0.1:9100, job_7, /path, e-mail: machine-made, never translated.
    static bool isIdentifier(const QString& chunk)
    {
        bool letters = false;
        for (const QChar c : chunk) {
            if (c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.')
                || c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('=') || c == QLatin1Char('+'))
                return letters || chunk.size() > 1;
            letters = letters || c.isLetter();
        }
        return false;
    }
    static bool isAcronym(const QString& w) { return w == w.toUpper(); } // GPU, NPU, HBM, ECC, MTBF, UTC

    QSet<QString> m_allowed;
};

} // namespace Meridian::Test
