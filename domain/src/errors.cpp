#include <officer/domain/errors.hpp>
