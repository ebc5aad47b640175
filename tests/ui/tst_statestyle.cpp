// SPDX-License-Identifier: GPL-3.0-or-later
// Health and severity are never told by colour alone (issue 18 §3): every state has its own shape and,
// within its family, its own colour — one that stays apart from the others for deuteranopes too.

#include "ui/common/stateicon.h"
#include "ui/common/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QTest>

#include <cmath>
#include <span>

using namespace Meridian;
using Theme::State;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    return p;
}

// The pixels of a 32 px marker painted in the state's own colour: its shape, whatever the colour.
QImage shapeMask(State state, const QPalette& palette)
{
    QImage image(32, 32, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        Theme::paintStateMarker(p, state, QRectF(1, 1, 30, 30), palette);
    }
    const QColor c = Theme::color(state, palette);
    QImage mask(32, 32, QImage::Format_Grayscale8);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) {
            const QColor px = image.pixelColor(x, y);
            const bool own = px.alpha() > 128 && std::abs(px.red() - c.red()) < 40
                && std::abs(px.green() - c.green()) < 40 && std::abs(px.blue() - c.blue()) < 40;
            mask.setPixel(x, y, own ? 255 : 0);
        }
    return mask;
}

int differingPixels(const QImage& a, const QImage& b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            n += a.pixelColor(x, y) != b.pixelColor(x, y) ? 1 : 0;
    return n;
}

double linear(double c)
{
    c /= 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double gamma(double c)
{
    c = std::clamp(c, 0.0, 1.0);
    return 255.0 * (c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1 / 2.4) - 0.055);
}

// Deuteranopia as Viénot, Brettel and Mollon (1999) simulate it, in linear RGB.
QColor deuteranope(const QColor& c)
{
    const double r = linear(c.red()), g = linear(c.green()), b = linear(c.blue());
    const double rr = 0.29275 * r + 0.70725 * g;
    const double gg = 0.29275 * r + 0.70725 * g;
    const double bb = -0.02234 * r + 0.02234 * g + b;
    return QColor(int(gamma(rr)), int(gamma(gg)), int(gamma(bb)));
}

double distance(const QColor& a, const QColor& b)
{
    return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
}

const State AllStates[] = { State::Ok, State::Degraded, State::Down, State::Unknown, State::Info, State::Warning,
    State::Critical, State::Resolved };

} // namespace

class TestStateStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStateHasItsOwnShape_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }
    void everyStateHasItsOwnShape()
    {
        QFETCH(QPalette, palette);
        for (State a : AllStates)
            for (State b : AllStates) {
                if (a >= b)
                    continue;
                // At least 5 % of the marker's pixels differ in shape alone.
                const int differ = differingPixels(shapeMask(a, palette), shapeMask(b, palette));
                QVERIFY2(differ >= 32 * 32 / 20,
                    qPrintable(QStringLiteral("states %1 and %2: %3 pixels").arg(int(a)).arg(int(b)).arg(differ)));
                QVERIFY(Theme::stateGlyph(a) != Theme::stateGlyph(b));
            }
        for (State s : AllStates)
            QVERIFY(!Theme::stateIcon(s, palette).isNull());
    }

    void everyStateHasItsOwnColourInItsFamily_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("health");
        QTest::newRow("light health") << lightPalette() << true;
        QTest::newRow("light severity") << lightPalette() << false;
        QTest::newRow("dark health") << darkPalette() << true;
        QTest::newRow("dark severity") << darkPalette() << false;
    }
    void everyStateHasItsOwnColourInItsFamily()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, health);
        const auto family
            = health ? std::span<const State>(Theme::HealthStates) : std::span<const State>(Theme::SeverityStates);
        for (State a : family)
            for (State b : family) {
                if (a >= b)
                    continue;
                const QColor ca = Theme::color(a, palette), cb = Theme::color(b, palette);
                QVERIFY(ca != cb);
                // Apart for deuteranopes too (the most common colour blindness), not only in full colour.
                const double seen = distance(deuteranope(ca), deuteranope(cb));
                QVERIFY2(seen >= 45,
                    qPrintable(QStringLiteral("states %1 and %2 (%3, %4): %5 apart for deuteranopes")
                                   .arg(int(a))
                                   .arg(int(b))
                                   .arg(ca.name(), cb.name())
                                   .arg(seen, 0, 'f', 1)));
            }
    }

    void resolvedIsNeverRed()
    {
        for (const QPalette& palette : { lightPalette(), darkPalette() }) {
            const QColor resolved = Theme::color(State::Resolved, palette);
            QVERIFY(resolved != Theme::color(State::Critical, palette));
            QVERIFY(resolved.red() < resolved.green());
        }
        QCOMPARE(Theme::state(Protocol::Severity::Critical, true), State::Resolved);
        QCOMPARE(Theme::state(Protocol::Severity::Critical, false), State::Critical);
    }

    void statusesMapToStates()
    {
        QCOMPARE(Theme::state(AgentStatus::Up), State::Ok);
        QCOMPARE(Theme::state(AgentStatus::Stale), State::Degraded);
        QCOMPARE(Theme::state(AgentStatus::Unreachable), State::Down);
        QCOMPARE(Theme::state(AgentStatus::Unknown), State::Unknown);
        QCOMPARE(Theme::state(NodeState::Down), State::Down);
        QCOMPARE(Theme::state(Protocol::AcceleratorHealth::Warning), State::Degraded);
    }
};

QTEST_MAIN(TestStateStyle)
#include "tst_statestyle.moc"
