// coroscope-lessons: `coroscope-cli lessons [--check]` (app/cli/Forward.h).
// Lists the bundled lessons in chapter order, or with --check runs every
// program against its lesson (LessonCheck) and exits 0 only when all pass.
// coroscope-cli hands its arguments over unchanged ("lessons" first).
#include "app/cli/CliOptions.h"
#include "app/lessoncheck/KnownFailing.h"
#include "app/lessoncheck/LessonCheck.h"
#include "lessons/loader/LessonLibrary.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    coroscope::cli::Options opts;
    std::string error;
    if (!coroscope::cli::parseOptions(argc, argv, opts, error) || opts.command != "lessons") {
        std::fprintf(stderr, "coroscope-cli: %s\nusage: coroscope-cli lessons [--check]\n",
                     error.empty() ? "expected the lessons command" : error.c_str());
        return 2;
    }
    coroscope::lessons::LessonLibrary library;
    library.loadBundled();
    if (opts.check)
        return coroscope::cli::LessonCheck(coroscope::cli::KnownFailing::bundled()).run(library, stdout);
    for (const coroscope::lessons::Lesson& lesson : library.lessons()) {
        std::printf("%-5s %-26s %s\n", qPrintable(lesson.chapter), qPrintable(lesson.id),
                    lesson.title.en.toUtf8().constData());
    }
    std::fflush(stdout);
    for (const coroscope::lessons::LessonError& e : library.errors())
        std::fprintf(stderr, "%s\n", e.toString().toUtf8().constData());
    return library.errors().isEmpty() ? 0 : 1;
}
