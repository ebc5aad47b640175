// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Meridian {

struct ConsoleOptions
{
    bool demo = false;
    QString configPath; ///< empty: the default location
    bool configGiven = false;
    QString page; ///< empty: the first page
    QString language; ///< empty: the system locale; else "zh_CN" or "en"
    QString cacheDir; ///< empty: from the config, else the default location
};

enum class ParseResult { Run, ExitOk, ExitError };

// Parses the console's arguments (not the subcommands). On ExitOk/ExitError,
// *message holds what to print (help/version on stdout, the error on stderr).
ParseResult parseConsoleArguments(const QStringList& arguments, ConsoleOptions* options, QString* message);

} // namespace Meridian
