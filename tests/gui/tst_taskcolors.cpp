// TaskColors: stable, distinguishable (also for colour-blind viewers) and
// readable on every theme.

#include "app/gui/theme/TaskColors.h"

#include <QTest>

#include <cmath>

using namespace coroscope;

namespace {

struct Lab {
    double l, a, b;
};

double linear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double labF(double t)
{
    return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0;
}

Lab toLab(double r, double g, double b)
{
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = (0.2126 * r + 0.7152 * g + 0.0722 * b);
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    return {116 * labF(y) - 16, 500 * (labF(x) - labF(y)), 200 * (labF(y) - labF(z))};
}

enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };

/// CIE76 distance as seen with the given vision (Machado et al. 2009,
/// severity 1, applied in linear RGB).
double distance(const QColor& c1, const QColor& c2, Vision v)
{
    static const double m[4][9] = {
        {1, 0, 0, 0, 1, 0, 0, 0, 1},
        {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998},
        {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881},
        {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900},
    };
    auto see = [&](const QColor& c) {
        const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
        const double* k = m[int(v)];
        auto clamp = [](double x) { return std::clamp(x, 0.0, 1.0); };
        return toLab(clamp(k[0] * r + k[1] * g + k[2] * b), clamp(k[3] * r + k[4] * g + k[5] * b),
                     clamp(k[6] * r + k[7] * g + k[8] * b));
    };
    const Lab a = see(c1), b = see(c2);
    return std::hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}

ThemeColors theme(int i)
{
    return ThemeColors::forTheme(ThemeKind(i));
}

} // namespace

class tst_TaskColors : public QObject {
    Q_OBJECT
private slots:
    void aTaskKeepsItsColourAcrossInstancesAndCalls()
    {
        const TaskColors a(theme(0)), b(theme(0));
        for (TaskId t = 0; t < 100; ++t) {
            QCOMPARE(a.fill(t), b.fill(t));
            QCOMPARE(a.fill(t), a.fill(t));
            QCOMPARE(a.ink(t), b.ink(t));
        }
    }

    void theFirstSevenTasksAreDistinctForEveryKindOfVision_data()
    {
        QTest::addColumn<int>("vision");
        QTest::addColumn<double>("minimum");
        // CIE76 delta E: about 2.3 is just noticeable, above 10 the colours
        // read as different at a glance.
        QTest::newRow("normal") << int(Vision::Normal) << 15.0;
        QTest::newRow("protanopia") << int(Vision::Protanopia) << 8.0;
        QTest::newRow("deuteranopia") << int(Vision::Deuteranopia) << 8.0;
        QTest::newRow("tritanopia") << int(Vision::Tritanopia) << 8.0;
    }

    void theFirstSevenTasksAreDistinctForEveryKindOfVision()
    {
        QFETCH(int, vision);
        QFETCH(double, minimum);
        for (int th = 0; th < 3; ++th) {
            const TaskColors colors(theme(th));
            double least = 1e9;
            QString pair;
            for (TaskId a = 1; a <= 7; ++a) {
                for (TaskId b = a + 1; b <= 7; ++b) {
                    const double d = distance(colors.fill(a), colors.fill(b), Vision(vision));
                    if (d < least) {
                        least = d;
                        pair = QStringLiteral("%1-%2").arg(a).arg(b);
                    }
                }
            }
            qInfo("theme %d: closest pair %s at delta E %.1f", th, qPrintable(pair), least);
            QVERIFY2(least >= minimum, qPrintable(QStringLiteral("theme %1: tasks %2 differ by %3 < %4")
                                                      .arg(th).arg(pair).arg(least).arg(minimum)));
        }
    }

    void neighbouringTaskIdsNeverLookAlike()
    {
        for (int th = 0; th < 3; ++th) {
            const TaskColors colors(theme(th));
            for (TaskId t = 1; t < 300; ++t) {
                const double d = distance(colors.fill(t), colors.fill(t + 1), Vision::Normal);
                QVERIFY2(d >= 15.0, qPrintable(QStringLiteral("theme %1: tasks %2 and %3 differ by %4")
                                                   .arg(th).arg(t).arg(t + 1).arg(d)));
            }
        }
    }

    void theLoopIsNeutralGrey()
    {
        const QColor loop = TaskColors::identity(0);
        QCOMPARE(loop.hslSaturation() < 30, true);
    }

    void inkAndFillMeetTheirContrastOnEveryTheme_data()
    {
        QTest::addColumn<int>("theme");
        QTest::addColumn<double>("ink");
        QTest::addColumn<double>("fill");
        QTest::newRow("light") << int(ThemeKind::Light) << 4.5 << 3.0;
        QTest::newRow("dark") << int(ThemeKind::Dark) << 4.5 << 3.0;
        QTest::newRow("high contrast") << int(ThemeKind::HighContrast) << 7.0 << 4.5;
    }

    void inkAndFillMeetTheirContrastOnEveryTheme()
    {
        QFETCH(int, theme);
        QFETCH(double, ink);
        QFETCH(double, fill);
        const ThemeColors colors = ThemeColors::forTheme(ThemeKind(theme));
        const TaskColors tasks(colors);
        QCOMPARE(tasks.inkContrast(), ink);
        for (TaskId t = 0; t < 64; ++t) {
            const double inkRatio = TaskColors::contrastRatio(tasks.ink(t), colors.base);
            const double fillRatio = TaskColors::contrastRatio(tasks.fill(t), colors.base);
            QVERIFY2(inkRatio >= ink - 0.01, qPrintable(QStringLiteral("task %1 ink %2").arg(t).arg(inkRatio)));
            QVERIFY2(fillRatio >= fill - 0.01, qPrintable(QStringLiteral("task %1 fill %2").arg(t).arg(fillRatio)));
        }
    }

    void adjustingForContrastKeepsTheHue()
    {
        const QColor yellow = TaskColors::identity(7);
        const QColor onWhite = TaskColors::withContrast(yellow, Qt::white, 4.5);
        QVERIFY(std::abs(onWhite.hslHue() - yellow.hslHue()) <= 2);
        QVERIFY(onWhite.lightness() < yellow.lightness());
        const QColor blue = TaskColors::identity(1);
        const QColor onBlack = TaskColors::withContrast(blue, Qt::black, 7.0);
        QVERIFY(std::abs(onBlack.hslHue() - blue.hslHue()) <= 2);
        QVERIFY(onBlack.lightness() > blue.lightness());
    }

    void textOnAFillUsesTheMoreReadableOfBlackAndWhite()
    {
        const TaskColors colors(theme(0));
        for (TaskId t = 0; t < 30; ++t) {
            const QColor fill = colors.fill(t);
            const QColor on = colors.onFill(t);
            const QColor other = on == QColor(Qt::black) ? QColor(Qt::white) : QColor(Qt::black);
            QVERIFY(TaskColors::contrastRatio(on, fill) >= TaskColors::contrastRatio(other, fill));
        }
    }

    void contrastRatioSpansOneToTwentyOne()
    {
        QCOMPARE(qRound(TaskColors::contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(TaskColors::contrastRatio(Qt::red, Qt::red), 1.0);
        QCOMPARE(TaskColors::contrastRatio(Qt::white, Qt::black), TaskColors::contrastRatio(Qt::black, Qt::white));
    }

    void theTintIsQuieterThanTheFill()
    {
        for (int th = 0; th < 3; ++th) {
            const ThemeColors c = theme(th);
            const TaskColors tasks(c);
            for (TaskId t = 1; t < 10; ++t) {
                QVERIFY(TaskColors::contrastRatio(tasks.tint(t), c.base)
                        < TaskColors::contrastRatio(tasks.fill(t), c.base));
                // Text stays readable on the tint: it is the ground of a code line.
                QVERIFY(TaskColors::contrastRatio(tasks.tint(t), c.text) >= 4.5);
            }
        }
    }
};

QTEST_APPLESS_MAIN(tst_TaskColors)
#include "tst_taskcolors.moc"
