#pragma once
// `coroscope-cli render ...` is carried out by the coroscope-render program
// next to coroscope-cli (app/render/): drawing frames needs Qt Widgets and
// Gui, which the other commands should not load (they would add ~10 MB to
// every run's memory and to its start-up time).

namespace coroscope::cli {

/// Replaces this process with `<dir of this executable>/coroscope-render`
/// and `render`'s arguments (argv[1] is "render"). Returns only on failure,
/// with a message on stderr and exit status 2.
int forwardRender(int argc, char** argv);

} // namespace coroscope::cli
