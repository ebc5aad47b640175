// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/subcommandparser.h"

#include <QCoreApplication>

namespace Meridian {

namespace {
struct CommandText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::SubcommandParser)
};
} // namespace

int subcommandFailed(QTextStream& err, const QString& name, const QString& message, int code)
{
    err << "meridian " << name << ": " << message << '\n';
    if (code == 2)
        err << CommandText::tr("Try 'meridian %1 --help'.").arg(name) << '\n';
    return code;
}

std::optional<int> parseSubcommand(
    QCommandLineParser& parser, QStringList arguments, const QString& name, QTextStream& out, QTextStream& err)
{
    arguments.removeAt(1); // the subcommand's name
    if (!parser.parse(arguments))
        return subcommandFailed(err, name, parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return subcommandFailed(
            err, name, CommandText::tr("unexpected argument %1").arg(parser.positionalArguments().first()), 2);
    return std::nullopt;
}

} // namespace Meridian
