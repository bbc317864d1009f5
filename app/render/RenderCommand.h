#pragma once
// `coroscope-cli render FILE_OR_LESSON --step N -o OUT.png|OUT.svg
//      [--size WxH] [--theme light|dark|contrast] [--view loop|greenlets|generators|timeline|main]`
// Runs the program (a .py file, a lesson folder or a bundled lesson id) as
// the app does and writes one frame of it at step N (events played, as in
// the app's "Export frame" names; "end" for the last), headless: the
// offscreen platform is used when there is no display. A step past the end
// renders the end and says so on stderr.
// Exit status: 0 written, 1 the program does not compile or the frame cannot
// be written, 2 usage error or unreadable input.

#include <cstdint>
#include <string>

namespace coroscope::cli {

struct RenderOptions {
    std::string target;         ///< FILE_OR_LESSON
    std::int64_t step = -1;     ///< --step N; -1: the end of the run
    std::string output;         ///< -o OUT.png|OUT.svg
    int width = 1280;           ///< --size WxH
    int height = 720;
    std::string theme = "light"; ///< --theme light|dark|contrast
    std::string view = "loop";   ///< --view
    bool timing = false;        ///< --timing: run and render milliseconds on stderr
};

/// Parses `render`'s arguments (argv[1] is "render"). False with a message on a usage error.
bool parseRenderOptions(int argc, char** argv, RenderOptions& out, std::string& error);

/// The whole command: parses, renders, reports. Returns the exit status.
int renderCommand(int argc, char** argv);

} // namespace coroscope::cli
