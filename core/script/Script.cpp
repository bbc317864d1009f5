// Placeholder translation unit so coroscope_script exists before the VM lands.
namespace coroscope::script {
int layerVersion() { return 1; }
}
