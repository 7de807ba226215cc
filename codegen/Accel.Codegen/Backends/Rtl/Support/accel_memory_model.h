// Accel's memory model for the Verilator testbench of an RTL kernel: the emulator's memory rules
// (hw/Accel.Emulation/TimingModel.md, "Memory") on the RTL's one-word-per-cycle ports.
// - A read request joins the port's open burst when it is the element after the burst's last one; it opens a
//   beat when it starts a burst or crosses into the next beat (so a repeated or scattered read costs a beat of
//   its own even within one beat's bytes, as the emulator's bursts of consecutive accesses have it); the beat
//   is ready for the channel `latency` cycles after the request.
// - A write joins the port's open burst when it is the element after the burst's last one, in the same beat;
//   otherwise (or when the kernel flushes the port: a loop ends) the open beat closes, and it is ready in the
//   cycle of its last write (the emulator forms bursts from the whole trace, so it knows that cycle then; here
//   it is known one write later, and the channel serves the beat from that cycle when it was free).
// - A channel serves one beat at a time, the one ready first (lower lane on ties); a beat occupies it for
//   service/units_per_cycle cycles (an exact fraction), and each lane starts at most one beat per cycle.
// - Read data is usable from the first whole cycle after its beat ends, and comes back on the slot that asked for
//   it, in the order of that slot's requests, one word per cycle and slot (an iteration reading n words of a port
//   has n slots: the kernel's unrolled accesses of one beat; each slot has a response queue of its own in the RTL).
// - A write is acknowledged `latency` cycles after its beat ends.
// What it leaves out (README, "RTL back end"): bursts are not requested ahead (a burst's later beats are
// requested when first touched), and the outstanding-request limit is not modelled.
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <vector>

namespace accel {

class MemoryModel {
public:
    struct Channel { int64_t units_per_cycle; int64_t free_at_units = 0; };

    // Adds a port's two lanes (read = 2*port, write = 2*port + 1) on a channel; returns the port index.
    int add_port(int channel, int element_bytes, int latency, int beat_bytes, int64_t units_per_cycle, int64_t service_units, int read_slots = 1)
    {
        while (static_cast<int>(channels_.size()) <= channel) channels_.push_back(Channel{units_per_cycle});
        for (int write = 0; write < 2; write++)
        {
            lanes_.push_back(Lane{channel, element_bytes, latency, beat_bytes, service_units, write == 1});
            lanes_.back().words.resize(static_cast<size_t>(read_slots));
        }
        return static_cast<int>(lanes_.size()) / 2 - 1;
    }

    void read_request(int port, int64_t cycle, int64_t element, int slot = 0)
    {
        Lane& lane = lanes_[2 * port];
        int64_t beat = element * lane.element_bytes / lane.beat_bytes;
        bool joins = lane.beats_total > 0 && !lane.beats.empty() && lane.next_element == element && lane.beats.back().index == beat;
        if (!joins) lane.push_beat(beat, cycle + lane.latency);
        lane.next_element = element + 1;
        lane.words[static_cast<size_t>(slot)].push_back(Word{element, lane.beats_total - 1});
    }

    // The slot's next word of the port's read data if it is usable in this cycle, else -1 (call once per cycle and slot).
    int64_t read_data(int port, int64_t cycle, int slot = 0)
    {
        Lane& lane = lanes_[2 * port];
        std::deque<Word>& words = lane.words[static_cast<size_t>(slot)];
        if (words.empty()) return -1;
        int64_t done = lane.beat_at(words.front().beat).done;
        if (done < 0 || done > cycle) return -1;
        int64_t element = words.front().element;
        words.pop_front();
        lane.prune();
        return element;
    }

    void write(int port, int64_t cycle, int64_t element)
    {
        Lane& lane = lanes_[2 * port + 1];
        int64_t beat = element * lane.element_bytes / lane.beat_bytes;
        if (lane.open && (lane.open_beat != beat || lane.next_element != element)) close(lane, lane.last_write);
        if (!lane.open) { lane.open = true; lane.open_beat = beat; lane.open_bytes = 0; lane.open_words = 0; }
        lane.open_bytes += lane.element_bytes;
        lane.open_words++;
        lane.last_write = cycle;
        lane.next_element = element + 1;
        if (lane.open_bytes >= lane.beat_bytes) close(lane, cycle);
    }

    void flush(int port, int64_t cycle)
    {
        Lane& lane = lanes_[2 * port + 1];
        if (lane.open) close(lane, std::min(cycle, lane.last_write));
    }

    // Writes of the port acknowledged by the end of this cycle and not yet reported.
    int acks_due(int port, int64_t cycle)
    {
        Lane& lane = lanes_[2 * port + 1];
        int acks = 0;
        while (!lane.acks.empty() && lane.acks.front().first <= cycle && acks < 255)
        {
            acks += lane.acks.front().second;
            lane.acks.pop_front();
        }
        return acks;
    }

    // Serves every beat that can start by the end of this cycle.
    void serve(int64_t cycle)
    {
        while (true)
        {
            int best = -1;
            int64_t best_ready = INT64_MAX;
            for (int i = 0; i < static_cast<int>(lanes_.size()); i++)
            {
                Lane& lane = lanes_[i];
                if (lane.served == lane.beats_total) continue;
                int64_t ready = std::max(lane.beat_at(lane.served).ready, lane.next_beat_cycle);
                if (ready < best_ready) { best = i; best_ready = ready; }
            }
            if (best < 0 || best_ready > cycle) return;
            Lane& lane = lanes_[best];
            Channel& channel = channels_[lane.channel];
            int64_t start = std::max(best_ready * channel.units_per_cycle, channel.free_at_units);
            if (start / channel.units_per_cycle > cycle) return;
            int64_t end = start + lane.service_units;
            channel.free_at_units = end;
            Beat& beat = lane.beat_at(lane.served);
            beat.done = (end + channel.units_per_cycle - 1) / channel.units_per_cycle;
            lane.next_beat_cycle = start / channel.units_per_cycle + 1;
            lane.served++;
            if (lane.is_write) lane.acks.push_back({beat.done + lane.latency, beat.words});
        }
    }

    bool idle() const
    {
        for (const Lane& lane : lanes_)
            if (lane.served != lane.beats_total || !lane.acks.empty() || lane.open) return false;
        for (const Lane& lane : lanes_)
            for (const auto& words : lane.words)
                if (!words.empty()) return false;
        return true;
    }

private:
    struct Beat { int64_t index; int64_t ready; int64_t done = -1; int words = 0; };
    struct Word { int64_t element; int64_t beat; };
    struct Lane {
        int channel; int element_bytes; int latency; int beat_bytes; int64_t service_units; bool is_write;
        std::deque<Beat> beats; int64_t first = 0; int64_t beats_total = 0; int64_t served = 0;
        int64_t next_beat_cycle = 0;
        std::vector<std::deque<Word>> words; // per read slot
        std::deque<std::pair<int64_t, int>> acks;
        bool open = false; int64_t open_beat = 0; int open_bytes = 0; int open_words = 0;
        int64_t last_write = 0; int64_t next_element = 0;

        void push_beat(int64_t index, int64_t ready, int words = 0) { beats.push_back(Beat{index, ready, -1, words}); beats_total++; }
        Beat& beat_at(int64_t n) { return beats[static_cast<size_t>(n - first)]; }
        // Beats before every slot's next word are no longer needed (the last one stays: a request may join it).
        void prune()
        {
            int64_t needed = beats_total - 1;
            for (const auto& slot : words)
                if (!slot.empty()) needed = std::min(needed, slot.front().beat);
            while (first < needed && first < served) { beats.pop_front(); first++; }
        }
    };

    void close(Lane& lane, int64_t cycle)
    {
        lane.push_beat(lane.open_beat, cycle, lane.open_words);
        lane.open = false;
        // Written beats are never read back by index: keep only those not yet served.
        while (lane.first < lane.served) { lane.beats.pop_front(); lane.first++; }
    }

    std::vector<Channel> channels_;
    std::vector<Lane> lanes_;
};

} // namespace accel
