#pragma once

#include <optional>
#include <string>

#include <officer/domain/effects.hpp>

namespace officer::integrations::postgres {

/// An effect as the JSON payload of its job.
std::string EncodeEffect(const domain::Effect& effect);

/// The effect a job payload describes; nullopt for a payload this officer cannot read.
std::optional<domain::Effect> DecodeEffect(const std::string& payload);

/// The job queue an effect belongs to: a meeting's effects run one at a time, in order.
std::string EffectQueueKey(const domain::Effect& effect);

}  // namespace officer::integrations::postgres
