// Calls a function when it goes out of scope: at the end of a worker's task, however it
// ends (return or exception), e.g. to wake a UI that waits for the result.
#pragma once
#include <functional>

namespace geo {

struct CallOnExit {
    std::function<void()> call;
    ~CallOnExit()
    {
        if (call) call();
    }
};

} // namespace geo
