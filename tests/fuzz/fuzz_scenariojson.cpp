// libFuzzer entry for the JSON importer (see scenariojsonfuzz.cpp and README.md).
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return cpfuzz::scenarioJsonOneInput(data, size);
}
