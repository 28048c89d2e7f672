// A follow-up together with the person it is about: what `log`, `event met` and
// `follow-up list` show, so no caller has to look the name up again.
#pragma once

#include "kith/domain/contact_name.hpp"
#include "kith/domain/follow_up.hpp"

namespace kith {

struct FollowUpView {
  FollowUp follow_up;
  ContactName contact;
};

}  // namespace kith
