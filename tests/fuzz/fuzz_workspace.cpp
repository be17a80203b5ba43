// libFuzzer entry for opening workspace files (see workspacefuzz.cpp and README.md).
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return cpfuzz::workspaceOneInput(data, size);
}
