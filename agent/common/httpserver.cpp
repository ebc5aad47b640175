// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/httpserver.h"

#include "agent/common/httpparser.h"

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <csignal>
#include <mutex>
#include <openssl/ssl.h>
#include <optional>
#include <sys/resource.h>
#include <thread>
#include <unordered_map>

namespace Meridian::Agent {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr std::size_t IdleReadBytes = 512; ///< what an idle keep-alive connection holds while it waits
constexpr std::size_t KeptBufferBytes = 4096; ///< a larger read buffer is given back between requests

bool isCleanFieldText(const std::string& s)
{
    return s.find_first_of("\r\n") == std::string::npos;
}

std::string jsonError(const std::string& reason)
{
    std::string text = "{\"error\":\"";
    for (char c : reason)
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            text += c;
    return text + "\"}";
}

HttpResponse errorResponse(int status, const std::string& reason)
{
    HttpResponse response;
    response.status = status;
    response.setContent(QByteArray::fromStdString(jsonError(reason)), "application/json; charset=utf-8");
    return response;
}

std::string serializeHead(const HttpResponse& response, bool close, bool http10)
{
    std::string head = "HTTP/1.1 " + std::to_string(response.status) + ' '
        + std::string(http::obsolete_reason(http::status(unsigned(response.status)))) + "\r\n";
    if (!response.contentType.empty() && isCleanFieldText(response.contentType))
        head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        if (!name.empty() && isCleanFieldText(name) && isCleanFieldText(value))
            head += name + ": " + value + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    else if (http10)
        head += "Connection: keep-alive\r\n";
    return head + "\r\n";
}

// A read error that only means the peer went away or was too slow: the connection just closes.
bool isQuietEnd(const error_code& ec)
{
    return ec == http::error::end_of_stream || ec == http::error::partial_message || ec == beast::error::timeout
        || ec == asio::error::eof || ec == asio::error::connection_reset || ec == asio::error::operation_aborted
        || ec == asio::ssl::error::stream_truncated
        || ec.category() != http::make_error_code(http::error::need_more).category();
}

} // namespace

struct HttpServer::Impl
{
    HttpLimits limits;
    int ioThreads;
    Dispatch dispatch;
    std::mutex peersMutex;
    std::unordered_map<std::string, int> peers;
    int open = 0;
    std::atomic<std::uint64_t> refused { 0 };
    asio::io_context ioc;
    asio::thread_pool workers; ///< after ioc: destroyed first, with the sessions its queued jobs hold
    tcp::acceptor acceptor { ioc };
    asio::steady_timer acceptRetry { ioc };
    std::unique_ptr<asio::ssl::context> tls;
    std::optional<asio::signal_set> stopSignals;

    Impl(HttpLimits l, int io, int workerThreads, Dispatch d)
        : limits(l)
        , ioThreads(std::max(1, io))
        , dispatch(std::move(d))
        , workers(std::size_t(std::max(1, workerThreads)))
    { }

    ~Impl()
    {
        ioc.stop();
        workers.stop();
        workers.join();
        // asio::ssl::context frees SSL_CTX app data as its own verify callback: ours is a WebConfig.
        if (tls)
            SSL_CTX_set_app_data(tls->native_handle(), nullptr);
    }

    bool admit(const std::string& peer)
    {
        std::lock_guard lock(peersMutex);
        int& perPeer = peers[peer];
        if (open >= limits.maxConnections || perPeer >= limits.maxConnectionsPerPeer) {
            if (perPeer == 0)
                peers.erase(peer);
            return false;
        }
        ++perPeer;
        ++open;
        return true;
    }

    void release(const std::string& peer)
    {
        std::lock_guard lock(peersMutex);
        --open;
        if (auto it = peers.find(peer); it != peers.end() && --it->second <= 0)
            peers.erase(it);
    }

    void accept();
    void onAccepted(tcp::socket socket);
};

namespace {

template <class Stream> class Session : public std::enable_shared_from_this<Session<Stream>>
{
public:
    static constexpr bool IsTls = !std::is_same_v<Stream, beast::tcp_stream>;

    template <class... Args>
    Session(HttpServer::Impl* server, std::string peer, Args&&... args)
        : m_server(server)
        , m_peer(std::move(peer))
        , m_stream(std::forward<Args>(args)...)
    { }
    ~Session() { m_server->release(m_peer); }

    void start()
    {
        if constexpr (IsTls) {
            lowest().expires_after(m_server->limits.tlsHandshakeDeadline);
            m_stream.async_handshake(asio::ssl::stream_base::server, [self = this->shared_from_this()](error_code ec) {
                if (ec)
                    return self->close();
                self->readHead();
            });
        } else {
            readHead();
        }
    }

private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }

    // Between requests: wait for the first byte of the next one (already here when pipelined).
    void waitForNext()
    {
        if (m_buffer.size() > 0)
            return readHead();
        if (m_buffer.capacity() > KeptBufferBytes)
            m_buffer.shrink_to_fit();
        lowest().expires_after(m_server->limits.keepAliveIdle);
        m_stream.async_read_some(
            m_buffer.prepare(IdleReadBytes), [self = this->shared_from_this()](error_code ec, std::size_t n) {
                if (ec)
                    return self->close();
                self->m_buffer.commit(n);
                self->readHead();
            });
    }

    void readHead()
    {
        m_parser.emplace();
        configureParser(*m_parser, m_server->limits);
        m_buffer.max_size(m_server->limits.maxHeaderBytes + m_server->limits.maxBodyBytes + 64 * 1024);
        lowest().expires_after(m_server->limits.headDeadline);
        http::async_read_header(m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](error_code ec, std::size_t) { self->onHead(ec); });
    }

    void onHead(error_code ec)
    {
        if (ec)
            return failRead(ec);
        if (HttpRefusal refusal = checkHead(*m_parser, m_server->limits))
            return refuse(refusal);
        if (m_parser->is_done())
            return dispatch();
        lowest().expires_after(m_server->limits.bodyDeadline);
        const auto expect = m_parser->get()[http::field::expect];
        if (m_parser->get().version() == 11 && equalsIgnoringCase({ expect.data(), expect.size() }, "100-continue")) {
            static const std::string Continue = "HTTP/1.1 100 Continue\r\n\r\n";
            asio::async_write(
                m_stream, asio::buffer(Continue), [self = this->shared_from_this()](error_code ec, std::size_t) {
                    if (ec)
                        return self->close();
                    self->readBody();
                });
            return;
        }
        readBody();
    }

    void readBody()
    {
        http::async_read(m_stream, m_buffer, *m_parser, [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec)
                return self->failRead(ec);
            self->dispatch();
        });
    }

    void failRead(const error_code& ec)
    {
        if (ec == http::error::header_limit || ec == http::error::body_limit || !isQuietEnd(ec))
            return refuse(refusalFor(ec));
        close();
    }

    void dispatch()
    {
        m_keepAlive = m_parser->keep_alive();
        m_http10 = m_parser->get().version() == 10;
        auto request = std::make_shared<HttpRequest>();
        if (HttpRefusal refusal = toRequest(*m_parser, m_peer, request.get()))
            return refuse(refusal);
        m_parser.reset();
        m_headOnly = request->method == "HEAD";
        asio::post(m_server->workers, [self = this->shared_from_this(), request] {
            auto response = std::make_shared<HttpResponse>();
            try {
                self->m_server->dispatch(*request, *response);
            } catch (...) {
                *response = errorResponse(500, "internal error");
            }
            asio::post(self->m_stream.get_executor(), [self, response] { self->write(std::move(*response), false); });
        });
    }

    void refuse(const HttpRefusal& refusal)
    {
        m_headOnly = false;
        write(errorResponse(refusal.status, refusal.reason), true);
    }

    void write(HttpResponse response, bool close)
    {
        close = close || !m_keepAlive;
        m_body = std::move(response.body);
        response.body = m_body; // shared, for the Content-Length
        m_head = serializeHead(response, close, m_http10);
        const std::array<asio::const_buffer, 2> buffers { asio::buffer(m_head),
            m_headOnly ? asio::const_buffer() : asio::const_buffer(m_body.constData(), std::size_t(m_body.size())) };
        lowest().expires_after(m_server->limits.writeDeadline);
        asio::async_write(m_stream, buffers, [self = this->shared_from_this(), close](error_code ec, std::size_t) {
            self->m_head.clear();
            self->m_body.clear();
            if (ec || close)
                return self->close();
            self->waitForNext();
        });
    }

    void close()
    {
        error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    HttpServer::Impl* m_server;
    std::string m_peer;
    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<RequestParser> m_parser;
    bool m_keepAlive = false;
    bool m_http10 = false;
    bool m_headOnly = false;
    std::string m_head;
    QByteArray m_body;
};

} // namespace

void HttpServer::Impl::accept()
{
    acceptor.async_accept(asio::make_strand(ioc), [this](error_code ec, tcp::socket socket) {
        if (!acceptor.is_open())
            return;
        if (ec) {
            // Out of descriptors and the like: try again shortly rather than spin on the error.
            acceptRetry.expires_after(std::chrono::milliseconds(100));
            acceptRetry.async_wait([this](error_code wait) {
                if (!wait)
                    accept();
            });
            return;
        }
        onAccepted(std::move(socket));
        accept();
    });
}

void HttpServer::Impl::onAccepted(tcp::socket socket)
{
    error_code ec;
    const tcp::endpoint peer = socket.remote_endpoint(ec);
    if (ec)
        return;
    std::string address = peer.address().to_string();
    if (!admit(address)) {
        ++refused;
        socket.close(ec);
        return;
    }
    socket.set_option(tcp::no_delay(true), ec); // no 40 ms Nagle + delayed-ACK stall per keep-alive answer
    if (tls)
        std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
            this, std::move(address), std::move(socket), *tls)
            ->start();
    else
        std::make_shared<Session<beast::tcp_stream>>(this, std::move(address), std::move(socket))->start();
}

HttpServer::HttpServer(HttpLimits limits, int ioThreads, int workerThreads, Dispatch dispatch)
    : m_impl(std::make_shared<Impl>(limits, ioThreads, workerThreads, std::move(dispatch)))
{ }

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::enableTls(const TlsSetup& setup)
{
    m_impl->tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    SSL_CTX* ctx = m_impl->tls->native_handle();
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS); // an idle TLS connection keeps no record buffers
    return setup(ctx);
}

bool HttpServer::bind(const std::string& host, std::uint16_t port, std::string* error)
{
    // Every connection holds a descriptor: use all the system allows, as Go's net/http does.
    rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    error_code ec;
    tcp::resolver resolver(m_impl->ioc);
    const auto results = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
    if (ec || results.empty()) {
        *error = "cannot resolve " + host + ": " + ec.message();
        return false;
    }
    const tcp::endpoint endpoint = results.begin()->endpoint();
    tcp::acceptor& a = m_impl->acceptor;
    a.open(endpoint.protocol(), ec);
    if (!ec)
        a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        a.bind(endpoint, ec);
    if (!ec)
        a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        *error = ec.message();
        a.close(ec);
        return false;
    }
    return true;
}

std::uint16_t HttpServer::port() const
{
    error_code ec;
    return m_impl->acceptor.is_open() ? m_impl->acceptor.local_endpoint(ec).port() : 0;
}

void HttpServer::run()
{
    Impl& impl = *m_impl;
    asio::post(impl.ioc, [&impl] { impl.accept(); });
    std::vector<std::thread> others;
    for (int i = 1; i < impl.ioThreads; ++i)
        others.emplace_back([&impl] { impl.ioc.run(); });
    impl.ioc.run();
    for (std::thread& t : others)
        t.join();
}

void HttpServer::stop()
{
    m_impl->ioc.stop();
}

void HttpServer::stopOnSignals()
{
    m_impl->stopSignals.emplace(m_impl->ioc, SIGTERM, SIGINT);
    m_impl->stopSignals->async_wait([this](error_code ec, int) {
        if (!ec)
            stop();
    });
}

int HttpServer::openConnections() const
{
    std::lock_guard lock(m_impl->peersMutex);
    return m_impl->open;
}

std::uint64_t HttpServer::refusedConnections() const
{
    return m_impl->refused.load();
}

} // namespace Meridian::Agent
