// A realistic sample journal for `kith demo`: a dozen people met at two meetups, with
// conversations and follow-ups placed around today so that `kith due` has a typical morning.
#pragma once

#include "kith/domain/moment.hpp"
#include "kith/domain/settings.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// Fills an empty journal with the sample, through the same services the commands use.
void fill_demo_journal(Journal& journal, const Moment& moment, const Settings& settings);

}  // namespace kith
