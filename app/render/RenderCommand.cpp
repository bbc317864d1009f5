#include "app/render/RenderCommand.h"

#include "app/gui/export/HeadlessRender.h"

#include <QApplication>
#include <QByteArray>
#include <QElapsedTimer>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

namespace coroscope::cli {

namespace {

bool parseInt(const std::string& text, long long min, long long& out)
{
    if (text.empty() || text[0] == '-' || text[0] == '+')
        return false;
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v < min)
        return false;
    out = v;
    return true;
}

/// "1280x720" (an 'X' works too); each side 16..16384 pixels.
bool parseSize(const std::string& text, int& width, int& height)
{
    const std::size_t x = text.find_first_of("xX");
    if (x == std::string::npos)
        return false;
    long long w = 0;
    long long h = 0;
    if (!parseInt(text.substr(0, x), 16, w) || !parseInt(text.substr(x + 1), 16, h))
        return false;
    if (w > 16384 || h > 16384)
        return false;
    width = int(w);
    height = int(h);
    return true;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    if (s.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        const char c = s[s.size() - suffix.size() + i];
        if (std::tolower(static_cast<unsigned char>(c)) != suffix[i])
            return false;
    }
    return true;
}

std::optional<ThemeKind> themeFromName(const std::string& name)
{
    if (name == "light")
        return ThemeKind::Light;
    if (name == "dark")
        return ThemeKind::Dark;
    if (name == "contrast" || name == "high-contrast")
        return ThemeKind::HighContrast;
    return std::nullopt;
}

/// The offscreen platform unless a display is there (or a platform was asked for).
void chooseHeadlessPlatform()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return;
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
}

/// Qt's notes about the headless platform itself say nothing about the
/// frame; everything else reaches stderr as usual.
void quietPlatformNotes(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"))
        || message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

bool parseRenderOptions(int argc, char** argv, RenderOptions& out, std::string& error)
{
    // Options with a value are read first, as text; each is checked below.
    std::string step;
    std::string size;
    const std::pair<std::string_view, std::string*> valued[] = {
        {"--step", &step}, {"-o", &out.output},  {"--output", &out.output},
        {"--size", &size}, {"--theme", &out.theme}, {"--view", &out.view},
    };
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto option = std::find_if(std::begin(valued), std::end(valued), [&](const auto& o) { return o.first == arg; });
        if (option != std::end(valued)) {
            if (i + 1 == argc) {
                error = "option " + arg + " needs a value";
                return false;
            }
            *option->second = argv[++i];
        } else if (arg == "--timing") {
            out.timing = true;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option " + arg + " for render";
            return false;
        } else if (out.target.empty()) {
            out.target = arg;
        } else {
            error = "unexpected argument " + arg;
            return false;
        }
    }

    long long stepNumber = 0;
    if (step.empty() || step == "end") {
        out.step = -1;
    } else if (parseInt(step, 0, stepNumber)) {
        out.step = stepNumber;
    } else {
        error = "--step expects a step number (0 or more) or 'end', got '" + step + "'";
        return false;
    }
    if (!size.empty() && !parseSize(size, out.width, out.height)) {
        error = "--size expects WIDTHxHEIGHT in pixels (16 to 16384 each), got '" + size + "'";
        return false;
    }
    if (!themeFromName(out.theme)) {
        error = "--theme expects light, dark or contrast, got '" + out.theme + "'";
        return false;
    }
    if (!HeadlessRender::viewFromName(QString::fromStdString(out.view))) {
        error = "--view expects one of " + HeadlessRender::viewNames().join(QStringLiteral(", ")).toStdString() + ", got '"
              + out.view + "'";
        return false;
    }
    if (out.target.empty()) {
        error = "render needs a FILE.py, a lesson folder or a lesson id";
        return false;
    }
    if (out.output.empty()) {
        error = "render needs -o OUT.png or -o OUT.svg";
        return false;
    }
    if (!endsWith(out.output, ".png") && !endsWith(out.output, ".svg")) {
        error = "render writes .png or .svg files, not '" + out.output + "'";
        return false;
    }
    return true;
}

int renderCommand(int argc, char** argv)
{
    RenderOptions opts;
    std::string error;
    if (!parseRenderOptions(argc, argv, opts, error)) {
        std::fprintf(stderr, "coroscope-cli: %s\n", error.c_str());
        std::fprintf(stderr, "usage: coroscope-cli render FILE_OR_LESSON --step N -o OUT.png|OUT.svg [--size WxH] "
                             "[--theme light|dark|contrast] [--view %s]\n",
                     qPrintable(HeadlessRender::viewNames().join(QLatin1Char('|'))));
        return 2;
    }

    chooseHeadlessPlatform();
    qInstallMessageHandler(quietPlatformNotes);
    // QApplication keeps references to argc and argv: give it ours, not render's options.
    int appArgc = 1;
    char* appArgv[] = {argv[0], nullptr};
    QApplication app(appArgc, appArgv);
    QApplication::setApplicationName(QStringLiteral("Coroscope"));

    QElapsedTimer timer;
    timer.start();
    HeadlessRender render;
    render.setTheme(*themeFromName(opts.theme));
    QString message;
    const QString target = QString::fromLocal8Bit(opts.target.c_str());
    const HeadlessRender::Opened opened = render.open(target, &message);
    if (opened != HeadlessRender::Opened::Ok) {
        std::fprintf(stderr, "coroscope-cli: %s\n", qPrintable(message));
        // What is not there is a usage error; a program that fails is not.
        return opened == HeadlessRender::Opened::NotFound ? 2 : 1;
    }
    const qint64 runMs = timer.restart();

    const std::int64_t length = render.length();
    const std::int64_t wanted = opts.step < 0 ? length : opts.step;
    const std::int64_t step = render.seek(wanted);
    if (wanted > length) {
        std::fprintf(stderr, "coroscope-cli: step %lld is past the end of the run (%lld steps); rendering step %lld\n",
                     static_cast<long long>(wanted), static_cast<long long>(length), static_cast<long long>(step));
    }
    const RenderView view = *HeadlessRender::viewFromName(QString::fromStdString(opts.view));
    if (!render.write(view, QSize(opts.width, opts.height), QString::fromLocal8Bit(opts.output.c_str()), &message)) {
        std::fprintf(stderr, "coroscope-cli: %s\n", qPrintable(message));
        return 1;
    }
    if (opts.timing) {
        std::fprintf(stderr, "run: %lld ms\nrender: %lld ms\nstep: %lld of %lld\n", static_cast<long long>(runMs),
                     static_cast<long long>(timer.elapsed()), static_cast<long long>(step),
                     static_cast<long long>(length));
    }
    return 0;
}

} // namespace coroscope::cli
