// The smallest C++ program, built like kith (same compiler, flags and C++ runtime): what
// `kith --version` is compared with, so the ratio shows kith's own start-up cost only.
int main() { return 0; }
