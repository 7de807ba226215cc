// Accel HLS support library: streams. Under Vitis HLS this is hls::stream; for g++ C simulation a queue with
// the same read/write/empty calls. Dataflow processes run one after another in C simulation, as in the C#
// reference, so the queue grows as needed; FIFO depths and deadlocks are the emulator's business. The stand-in is
// named hls::stream too, because an axis port of the top function is spelled hls::stream<T>& as Vitis expects.
#pragma once

#if __has_include(<hls_stream.h>)
#include <hls_stream.h>
#else
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>

namespace hls {

template <typename T> class stream
{
public:
    void write(const T& value) { items_.push_back(value); }

    T read()
    {
        if (items_.empty())
        {
            std::fprintf(stderr, "accel::stream: read from an empty stream (in hardware this process would wait forever)\n");
            std::abort();
        }
        T value = items_.front();
        items_.pop_front();
        return value;
    }

    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }

private:
    std::deque<T> items_;
};

} // namespace hls
#endif

namespace accel { template <typename T> using stream = hls::stream<T>; }
