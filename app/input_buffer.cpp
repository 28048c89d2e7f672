#include "input_buffer.hpp"

#include "kith/util/interrupt.hpp"

namespace kith::cli {

InputBuffer::InputBuffer(std::string head, std::streambuf* rest)
    : m_head(std::move(head)), m_rest(rest) {
  setg(m_head.data(), m_head.data(), m_head.data() + m_head.size());
}

InputBuffer::int_type InputBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (m_rest == nullptr || interrupt_requested()) return traits_type::eof();
  std::streamsize n = m_rest->sgetn(m_chunk, sizeof m_chunk);
  if (n <= 0) return traits_type::eof();
  setg(m_chunk, m_chunk, m_chunk + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace kith::cli
