// coroscope-cli: the headless contract of DESIGN.md section 6.
#include <cstdio>
#include <cstring>
#include <string>

namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: coroscope-cli run FILE.py [--world FILE.json] [--max-steps N] [--stats]\n"
                 "       coroscope-cli trace FILE.py --format chrome|jsonl [-o OUT]\n"
                 "       coroscope-cli dis FILE.py\n"
                 "       coroscope-cli lessons [--check]\n"
                 "       coroscope-cli render LESSON_OR_FILE --step N -o frame.png|svg\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage();
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h") {
        usage();
        return 0;
    }
    std::fprintf(stderr, "coroscope-cli: '%s' is not available yet\n", cmd.c_str());
    return 2;
}
