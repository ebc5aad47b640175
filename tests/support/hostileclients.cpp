// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/hostileclients.h"

#include <QElapsedTimer>
#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Meridian::Test {
namespace {

void setTimeouts(int fd, int ms)
{
    timeval tv { ms / 1000, (ms % 1000) * 1000 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

bool sendAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

QByteArray requestText(const QByteArray& path, const QByteArray& token)
{
    QByteArray text = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        text += "Authorization: Bearer " + token + "\r\n";
    return text + "\r\n";
}

void parseAnswer(const QByteArray& raw, TimedAnswer* out)
{
    const QList<int> codes = statuses(raw);
    out->status = codes.value(0);
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end >= 0)
        out->body = raw.mid(end + 4);
}

// The remaining milliseconds of `timer` against `timeoutMs`, at least 1.
int remaining(const QElapsedTimer& timer, int timeoutMs)
{
    return int(std::max<qint64>(1, timeoutMs - timer.elapsed()));
}

TimedAnswer tlsGet(
    int fd, const QByteArray& request, const TlsClientSetup& tls, const QElapsedTimer& timer, int timeoutMs)
{
    TimedAnswer answer;
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_load_verify_locations(ctx, QFile::encodeName(tls.caFile).constData(), nullptr);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    if (!tls.tls12Ciphers.isEmpty()) {
        SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
        SSL_CTX_set_cipher_list(ctx, tls.tls12Ciphers.constData());
    }
    if (!tls.certFile.isEmpty()) {
        SSL_CTX_use_certificate_chain_file(ctx, QFile::encodeName(tls.certFile).constData());
        SSL_CTX_use_PrivateKey_file(ctx, QFile::encodeName(tls.keyFile).constData(), SSL_FILETYPE_PEM);
    }
    SSL* ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    SSL_set_tlsext_host_name(ssl, "localhost");
    QByteArray raw;
    if (SSL_connect(ssl) != 1) {
        answer.error = QStringLiteral("TLS handshake failed");
    } else if (SSL_write(ssl, request.constData(), int(request.size())) != int(request.size())) {
        answer.error = QStringLiteral("TLS write failed");
    } else {
        char buffer[16384];
        while (timer.elapsed() < timeoutMs) {
            const int n = SSL_read(ssl, buffer, sizeof buffer);
            if (n <= 0)
                break;
            raw.append(buffer, n);
        }
    }
    ERR_clear_error();
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    parseAnswer(raw, &answer);
    return answer;
}

} // namespace

int connectFrom(quint16 port, const QByteArray& from, int timeoutMs)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in local {};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from.constData(), &local.sin_addr);
    sockaddr_in remote {};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    setTimeouts(fd, timeoutMs);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0
        || ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

TimedAnswer timedGet(
    quint16 port, const QByteArray& path, const QByteArray& token, const TlsClientSetup& tls, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    TimedAnswer answer;
    const int fd = connectFrom(port, "127.0.0.1", timeoutMs);
    if (fd < 0) {
        answer.error = QStringLiteral("cannot connect");
        answer.elapsedMs = timer.elapsed();
        return answer;
    }
    setTimeouts(fd, remaining(timer, timeoutMs));
    const QByteArray request = requestText(path, token);
    if (!tls.caFile.isEmpty()) {
        answer = tlsGet(fd, request, tls, timer, timeoutMs);
    } else if (!sendAll(fd, request.constData(), size_t(request.size()))) {
        answer.error = QStringLiteral("cannot send");
    } else {
        QByteArray raw;
        char buffer[16384];
        while (timer.elapsed() < timeoutMs) {
            setTimeouts(fd, remaining(timer, timeoutMs));
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            raw.append(buffer, n);
        }
        parseAnswer(raw, &answer);
    }
    ::close(fd);
    answer.elapsedMs = timer.elapsed();
    answer.elapsedUs = timer.nsecsElapsed() / 1000;
    if (answer.status == 0 && answer.error.isEmpty())
        answer.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    return answer;
}

QByteArray exchange(quint16 port, const QByteArray& request, int timeoutMs, bool* closedByServer)
{
    QByteArray raw;
    const int fd = connectFrom(port);
    if (closedByServer)
        *closedByServer = false;
    if (fd < 0)
        return raw;
    QElapsedTimer timer;
    timer.start();
    if (sendAll(fd, request.constData(), size_t(request.size()))) {
        char buffer[16384];
        while (timer.elapsed() < timeoutMs) {
            setTimeouts(fd, remaining(timer, timeoutMs));
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n == 0 && closedByServer)
                *closedByServer = true;
            if (n <= 0)
                break;
            raw.append(buffer, n);
        }
    }
    ::close(fd);
    return raw;
}

QList<int> statuses(const QByteArray& raw)
{
    QList<int> codes;
    qsizetype pos = 0;
    while (pos < raw.size() && raw.mid(pos, 7) == "HTTP/1.") {
        codes << raw.mid(pos + 9, 3).toInt();
        const qsizetype end = raw.indexOf("\r\n\r\n", pos);
        if (end < 0)
            break;
        const QByteArray head = raw.mid(pos, end - pos).toLower();
        const qsizetype cl = head.indexOf("\r\ncontent-length:");
        qsizetype length = 0;
        if (cl >= 0)
            length = head.mid(cl + 17, head.indexOf('\r', cl + 2) - cl - 17).trimmed().toLongLong();
        pos = end + 4 + length;
    }
    return codes;
}

HostileClients::HostileClients(quint16 port, Kind kind, int count, std::chrono::milliseconds interval, int sources)
    : m_port(port)
    , m_kind(kind)
    , m_count(count)
    , m_interval(interval)
    , m_sources(std::max(1, sources))
{
    m_thread = std::thread([this] { run(); });
}

HostileClients::~HostileClients()
{
    stop();
}

void HostileClients::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

int HostileClients::openOne(int index)
{
    const QByteArray from = "127.0.0." + QByteArray::number(2 + index % m_sources);
    const int fd = connectFrom(m_port, from, 2000);
    if (fd >= 0 && m_kind == Kind::IdleKeepAlive) {
        const QByteArray request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        sendAll(fd, request.constData(), size_t(request.size()));
    }
    return fd;
}

void HostileClients::run()
{
    QByteArray payload;
    if (m_kind == Kind::TrickledClientHello)
        payload = QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + QByteArray(60000, 'a');
    else
        payload = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(60000, 'a');
    struct Connection
    {
        int fd = -1;
        qsizetype sent = 0;
    };
    std::vector<Connection> connections(static_cast<size_t>(m_count));
    for (int i = 0; i < m_count && !m_stop; ++i) {
        connections[size_t(i)].fd = openOne(i);
        m_open += connections[size_t(i)].fd >= 0 ? 1 : 0;
    }
    char drain[16384];
    while (!m_stop) {
        for (int i = 0; i < m_count && !m_stop; ++i) {
            Connection& c = connections[size_t(i)];
            if (c.fd < 0) {
                c = { openOne(i), 0 };
                m_open += c.fd >= 0 ? 1 : 0;
                continue;
            }
            // Closed by the agent? (Answers to the idle connections' one request are read and dropped.)
            ssize_t n;
            while ((n = ::recv(c.fd, drain, sizeof drain, MSG_DONTWAIT)) > 0) { }
            bool closed = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
            if (!closed && m_kind != Kind::IdleKeepAlive)
                closed
                    = ::send(c.fd, payload.constData() + c.sent++ % payload.size(), 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0;
            if (closed) {
                ::close(c.fd);
                c = { -1, 0 };
                --m_open;
                ++m_reconnects;
            }
        }
        for (auto slept = std::chrono::milliseconds(0); slept < m_interval && !m_stop;
             slept += std::chrono::milliseconds(50))
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (Connection& c : connections)
        if (c.fd >= 0)
            ::close(c.fd);
    m_open = 0;
}

qint64 floodHeaders(quint16 port, qint64 totalBytes)
{
    const int fd = connectFrom(port);
    if (fd < 0)
        return 0;
    QByteArray start = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    qint64 sent = 0;
    if (sendAll(fd, start.constData(), size_t(start.size())))
        sent += start.size();
    for (int i = 0; sent < totalBytes; ++i) {
        const QByteArray line = "X-Flood-" + QByteArray::number(i) + ": " + QByteArray(8180, 'a') + "\r\n";
        if (!sendAll(fd, line.constData(), size_t(line.size())))
            break;
        sent += line.size();
    }
    ::close(fd);
    return sent;
}

qint64 floodChunkedBody(quint16 port, const QByteArray& path, qint64 totalBytes)
{
    const int fd = connectFrom(port);
    if (fd < 0)
        return 0;
    const QByteArray start = "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n";
    const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, '7') + "\r\n";
    qint64 sent = 0;
    if (sendAll(fd, start.constData(), size_t(start.size())))
        sent += start.size();
    while (sent < totalBytes && sendAll(fd, chunk.constData(), size_t(chunk.size())))
        sent += chunk.size();
    ::close(fd);
    return sent;
}

qint64 residentKiB(qint64 pid, const char* field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace Meridian::Test
