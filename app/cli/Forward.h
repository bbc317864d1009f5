#pragma once
// Commands of coroscope-cli that need Qt are carried out by programs built
// next to it: `render` by coroscope-render (app/render/, Qt Gui and Widgets
// to draw frames) and `lessons` by coroscope-lessons (app/lessoncheck/, Qt
// Core to load the bundled lessons). coroscope-cli itself links no Qt, so
// `run` and `trace` start fast and their memory is the program's (the
// libraries would add ~5 MB to every run).

namespace coroscope::cli {

/// Replaces this process with `<dir of this executable>/<program>` and the
/// same arguments (argv[1], the command, included). Returns only on
/// failure, with a message on stderr and exit status 2.
int forwardTo(const char* program, int argc, char** argv);

} // namespace coroscope::cli
