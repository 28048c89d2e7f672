// The smallest C++ program, built like kith (same compiler, flags and C++ runtime): what
// `kith --version` is compared with, so the ratio shows kith's own start-up cost only.
// Built twice (bench/CMakeLists.txt): kith-empty loads the C++ runtime as kith must,
// kith-empty-c only libc.
int main() { return 0; }
