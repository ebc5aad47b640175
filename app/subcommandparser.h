// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace Meridian {

// The common start of a subcommand (`meridian NAME …`): parses ARGUMENTS (ARGUMENTS[1] is NAME), prints --help,
// and refuses errors and stray positional arguments with a hint ("Try 'meridian NAME --help'.", exit 2).
// Returns the exit status to stop with, or nothing when the subcommand goes on.
std::optional<int> parseSubcommand(
    QCommandLineParser& parser, QStringList arguments, const QString& name, QTextStream& out, QTextStream& err);

// A subcommand's failure on stderr ("meridian NAME: MESSAGE"), with the --help hint for exit status 2.
int subcommandFailed(QTextStream& err, const QString& name, const QString& message, int code);

} // namespace Meridian
