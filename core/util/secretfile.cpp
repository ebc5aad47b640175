// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/secretfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Meridian {
namespace {

struct SecretFileText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::SecretFile)
};

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return SecretFileText::tr("a directory");
    if (S_ISFIFO(mode))
        return SecretFileText::tr("a FIFO");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return SecretFileText::tr("a device");
    if (S_ISSOCK(mode))
        return SecretFileText::tr("a socket");
    return SecretFileText::tr("not a regular file");
}

// Closes the descriptor on every way out.
struct Descriptor
{
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// Length of the UTF-8 sequence starting with `lead` (0: not a valid lead byte).
int sequenceLength(unsigned char lead)
{
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

} // namespace

qsizetype SecretFile::firstUnprintable(const QByteArray& text)
{
    for (qsizetype i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F)) {
            ++i;
            continue;
        }
        const int n = sequenceLength(c);
        if (n == 0 || i + n > text.size())
            return i;
        // Decoding decides the rest: overlong forms, surrogates and C1 controls (U+0080–U+009F) are refused.
        const QString decoded = QString::fromUtf8(text.constData() + i, n);
        if (decoded.isEmpty() || decoded.contains(QChar::ReplacementCharacter))
            return i;
        const char32_t code = decoded.size() == 2 ? QChar::surrogateToUcs4(decoded.at(0), decoded.at(1))
                                                  : char32_t(decoded.at(0).unicode());
        if (!QChar::isPrint(code))
            return i;
        i += n;
    }
    return -1;
}

SecretFile::Result SecretFile::read(const QString& path, qsizetype maxBytes, const QString& what)
{
    return readChecked(path, maxBytes, what, true);
}

SecretFile::Result SecretFile::readPublic(const QString& path, qsizetype maxBytes, const QString& what)
{
    return readChecked(path, maxBytes, what, false);
}

SecretFile::Result SecretFile::readChecked(const QString& path, qsizetype maxBytes, const QString& what, bool secret)
{
    Result r;
    const QByteArray native = QFile::encodeName(path);
    Descriptor d;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOCTTY: a terminal never becomes ours.
    d.fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (d.fd < 0) {
        r.error = SecretFileText::tr("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    struct stat st = {};
    if (::fstat(d.fd, &st) != 0) {
        r.error = SecretFileText::tr("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.error = SecretFileText::tr("%1 %2 is %3; it must be a regular file").arg(what, path, kindOf(st.st_mode));
        return r;
    }
    if (secret && st.st_uid != ::geteuid() && st.st_uid != 0) {
        r.error
            = SecretFileText::tr("%1 %2 belongs to another user (uid %3); it must belong to you (uid %4) or to root")
                  .arg(what, path)
                  .arg(st.st_uid)
                  .arg(::geteuid());
        return r;
    }
    if (secret && (st.st_mode & 077) != 0) {
        r.error = SecretFileText::tr("%1 %2 can be read or changed by other users (mode %3); run: chmod 600 %2")
                      .arg(what, path, QStringLiteral("0%1").arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
        return r;
    }
    if (st.st_size > maxBytes) {
        r.error = SecretFileText::tr("%1 %2 is larger than %3 bytes").arg(what, path).arg(maxBytes);
        return r;
    }
    // The size may change between fstat and read: read one byte more than allowed to notice.
    QByteArray content(maxBytes + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < content.size()) {
        const ssize_t n = ::read(d.fd, content.data() + total, size_t(content.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            r.error = SecretFileText::tr("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
            return r;
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total > maxBytes) {
        r.error = SecretFileText::tr("%1 %2 is larger than %3 bytes").arg(what, path).arg(maxBytes);
        return r;
    }
    content.truncate(total);
    const qsizetype bad = firstUnprintable(content);
    if (bad >= 0) {
        r.error = SecretFileText::tr("%1 %2 holds a control character or binary data at byte %3; it must be text")
                      .arg(what, path)
                      .arg(bad);
        return r;
    }
    r.content = std::move(content);
    return r;
}

} // namespace Meridian
