// coroscope-cli: the headless contract of DESIGN.md section 6.
//   run FILE.py    program stdout on stdout, tracebacks on stderr;
//                  exit 0, 1 (exception / syntax error), 2 (usage), 3 (limit)
//   trace FILE.py  the run's trace as Chrome JSON or JSON Lines
//   dis FILE.py    the bytecode of every code object
//   lessons        the bundled lessons (coroscope-lessons, app/lessoncheck/)
//   render         one frame, headless (coroscope-render, app/render/)
// This program links no Qt (app/cli/Forward.h).
#include "app/cli/CliOptions.h"
#include "app/cli/Forward.h"
#include "core/runtime/RunContext.h"
#include "core/runtime/world/WorldJson.h"
#include "core/script/compiler/Compiler.h"
#include "core/script/compiler/Disassembler.h"
#include "core/script/syntax/SyntaxError.h"
#include "core/script/vm/Vm.h"
#include "core/trace/ChromeExport.h"
#include "core/trace/JsonLinesExport.h"
#include "core/trace/JsonLinesStream.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

using coroscope::cli::Options;
using coroscope::pylite::Vm;

int usage(FILE* to)
{
    std::fprintf(to,
                 "usage: coroscope-cli run FILE.py [--world FILE.json] [--max-steps N] [--max-memory BYTES] [--stats]\n"
                 "       coroscope-cli trace FILE.py --format chrome|jsonl [-o OUT] [--world FILE.json] [--stats]\n"
                 "       coroscope-cli dis FILE.py\n"
                 "       coroscope-cli lessons [--check]\n"
                 "       coroscope-cli render FILE_OR_LESSON --step N -o frame.png|svg [--size WxH] [--theme light|dark|contrast]\n"
                 "                         [--view loop|greenlets|generators|timeline|main]\n");
    return 2;
}

bool readFile(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

/// The program always runs as "main.py": the golden scripts were produced
/// by CPython running each script under that name (tests/scripts/regen.py).
Vm::Options vmOptions(const Options& opts)
{
    Vm::Options o;
    o.filename = "main.py";
    if (opts.maxSteps) o.maxSteps = opts.maxSteps;
    if (opts.maxMemory) o.maxMemory = opts.maxMemory;
    o.argv = {"main.py"};
    o.output = [](coroscope::Stream stream, std::string_view text) {
        std::fwrite(text.data(), 1, text.size(), stream == coroscope::Stream::Stdout ? stdout : stderr);
    };
    return o;
}

/// --world FILE.json into `o` (DESIGN.md section 5). False after printing
/// the error naming the bad field: a usage error.
bool loadWorld(const Options& opts, Vm::Options& o)
{
    if (opts.world.empty()) return true;
    std::string json;
    if (!readFile(opts.world, json)) {
        std::fprintf(stderr, "coroscope-cli: --world %s: cannot read the file\n", opts.world.c_str());
        return false;
    }
    auto world = std::make_shared<coroscope::WorldConfig>();
    const std::vector<coroscope::WorldJsonError> errors = coroscope::readWorldJson(json, "world", *world, true);
    if (!errors.empty()) {
        const std::string text = coroscope::describeWorldErrors(errors);
        std::fprintf(stderr, "coroscope-cli: --world %s: %s\n", opts.world.c_str(), text.c_str());
        return false;
    }
    o.world = std::move(world);
    return true;
}

int runCommand(const Options& opts)
{
    std::string source;
    if (!readFile(opts.file, source)) {
        std::fprintf(stderr, "coroscope-cli: cannot read '%s'\n", opts.file.c_str());
        return 2;
    }
    Vm::Options runOptions = vmOptions(opts);
    if (!loadWorld(opts, runOptions)) return 2;
    Vm vm(std::move(runOptions));
    const Vm::Status status = vm.run(source);
    std::fflush(stdout);
    if (opts.stats) {
        std::fprintf(stderr, "steps: %llu\nheap live bytes: %zu\nheap live objects: %zu\n",
                     static_cast<unsigned long long>(vm.stepsExecuted()), vm.space().heap().liveBytes(),
                     vm.space().heap().liveObjects());
    }
    (void)status;
    return vm.exitStatus();
}

int traceCommand(const Options& opts)
{
    std::string source;
    if (!readFile(opts.file, source)) {
        std::fprintf(stderr, "coroscope-cli: cannot read '%s'\n", opts.file.c_str());
        return 2;
    }
    coroscope::Trace trace;
    coroscope::RunContext ctx;
    ctx.trace = &trace;
    Vm::Options o = vmOptions(opts);
    if (!loadWorld(opts, o)) return 2;
    o.context = &ctx;
    // The trace goes to stdout unless -o is given: program output goes to stderr then.
    if (opts.output.empty()) {
        o.output = [](coroscope::Stream, std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); };
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!opts.output.empty()) {
        file.open(opts.output, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "coroscope-cli: cannot write '%s'\n", opts.output.c_str());
            return 2;
        }
        out = &file;
    }
    // JSON Lines are written while the program runs, chunk by chunk, and
    // the written events are released: memory stays bounded however long
    // the run. Chrome JSON and --stats need the whole trace.
    const bool streaming = opts.format != "chrome" && !opts.stats;
    coroscope::JsonLinesStream stream(trace, out);
    if (streaming) {
        trace.onChunk([&] {
            stream.writeUpTo(trace.size());
            trace.release(trace.size());
        });
    }
    int code;
    {
        Vm vm(o);
        vm.run(source);
        code = vm.exitStatus();
    }
    if (streaming) {
        stream.writeUpTo(trace.size());
        stream.flush();
        if (stream.missingText() != 0)
            std::fprintf(stderr, "coroscope-cli: internal error: %zu events refer to text released before they were written\n",
                         stream.missingText());
        return code;
    }
    if (opts.stats) {
        // What the GUI would see: the fold of the whole trace and every event
        // it could not make sense of.
        const coroscope::Model model = coroscope::Model::fold(trace, trace.size());
        std::fprintf(stderr, "events: %zu\nanomalies: %zu\n", trace.size(), model.anomalyCount());
        for (std::size_t i = 0; i < model.anomalyCount() && i < 10; ++i) {
            const coroscope::Anomaly& a = model.anomaly(i);
            const std::string_view kind = coroscope::toString(trace[a.event].kind);
            std::fprintf(stderr, "  event %u (%.*s, subject %u): %.*s\n", a.event, int(kind.size()), kind.data(),
                         a.subject, int(a.what.size()), a.what.data());
        }
    }
    if (opts.format == "chrome")
        coroscope::ChromeExport(trace).write(*out);
    else
        coroscope::JsonLinesExport(trace).write(*out);
    return code;
}

int disCommand(const Options& opts)
{
    std::string source;
    if (!readFile(opts.file, source)) {
        std::fprintf(stderr, "coroscope-cli: cannot read '%s'\n", opts.file.c_str());
        return 2;
    }
    Vm vm(vmOptions(opts));
    coroscope::pylite::CompileResult r =
        coroscope::pylite::Compiler::compileSource(vm.space(), vm.vmTypes().code, source, "main.py");
    if (!r.ok()) {
        const std::string text = coroscope::syntax::formatSyntaxError(*r.error);
        std::fwrite(text.data(), 1, text.size(), stderr);
        return 1;
    }
    const std::string text = coroscope::pylite::disassemble(vm.space(), r.code.get());
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) return usage(stderr);
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h") {
        usage(stdout);
        return 0;
    }
    // Commands that need Qt run in their own programs (app/cli/Forward.h).
    if (cmd == "render") return coroscope::cli::forwardTo("coroscope-render", argc, argv);
    if (cmd == "lessons") return coroscope::cli::forwardTo("coroscope-lessons", argc, argv);
    Options opts;
    std::string error;
    if (!coroscope::cli::parseOptions(argc, argv, opts, error)) {
        std::fprintf(stderr, "coroscope-cli: %s\n", error.c_str());
        return usage(stderr);
    }
    if (cmd == "run") return runCommand(opts);
    if (cmd == "trace") return traceCommand(opts);
    if (cmd == "dis") return disCommand(opts);
    std::fprintf(stderr, "coroscope-cli: '%s' is not available yet\n", cmd.c_str());
    return 2;
}
