// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading a file that holds a secret (a bearer token, a tokens-and-roles file, a private key) the way ssh
// reads its keys: a secret that others can read is no longer a secret, and a path that is not a plain file
// (a FIFO, a device, a directory) is a mistake or an attack, never a configuration.
//
// The rules, checked on the opened descriptor (no window between the check and the read):
// - a regular file. The path may be a symbolic link (Kubernetes mounts its secrets as links into
//   `..data/`); what it points to is what is checked and read. A FIFO would otherwise block the open
//   forever, a device would stream without end: the file is opened non-blocking and refused by its type.
// - owned by the user running the program, or by root;
// - no permission bit for the group or others (mode & 077 == 0); the refusal names the exact
//   `chmod 600 PATH` to run;
// - at most `maxBytes` bytes;
// - printable text only: UTF-8 without control characters besides tab, CR and LF (a binary file given by
//   mistake is refused with the offset of the first bad byte, never parsed as a token).
//
// Shared by the console, the agent and the simulator. Messages go through tr() (the console translates
// them; the agents print them as they are).

#include <QByteArray>
#include <QString>

namespace Meridian {

class SecretFile
{
public:
    struct Result
    {
        QByteArray content; ///< the whole file, when ok()
        QString error; ///< why it was refused, naming the path; empty when ok()
        bool ok() const { return error.isEmpty(); }
    };

    // `what` names the file's role in messages ("token file", "private key").
    static Result read(const QString& path, qsizetype maxBytes, const QString& what);
    // The same checks without the owner and mode rules, for files that are not secret but must still be
    // text of a bounded size in a regular file: certificates, CA bundles.
    static Result readPublic(const QString& path, qsizetype maxBytes, const QString& what);

    // The first byte of `text` that is not printable UTF-8 text (or tab/CR/LF); -1 when there is none.
    static qsizetype firstUnprintable(const QByteArray& text);

private:
    static Result readChecked(const QString& path, qsizetype maxBytes, const QString& what, bool secret);
};

} // namespace Meridian
