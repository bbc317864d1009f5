// coroscope-render: `coroscope-cli render`'s frames (app/render/RenderCommand.h).
// coroscope-cli hands its arguments over unchanged ("render" first); run by
// hand, the word may be left out.
#include "app/render/RenderCommand.h"

#include <cstring>
#include <vector>

int main(int argc, char** argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "render") == 0)
        return coroscope::cli::renderCommand(argc, argv);
    std::vector<char*> args(argv, argv + argc);
    static char word[] = "render";
    args.insert(args.begin() + 1, word);
    args.push_back(nullptr);
    return coroscope::cli::renderCommand(argc + 1, args.data());
}
