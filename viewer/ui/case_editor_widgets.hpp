// Small ImGui helpers shared by the case editor windows: a combo over one of the case enums.
#pragma once
#include "geo/cases/case_model.hpp"

#include <imgui.h>

#include <vector>

namespace viewer {

template <class E>
bool enumCombo(const char* label, E& value, const std::vector<E>& all)
{
    bool changed = false;
    if (ImGui::BeginCombo(label, geo::nameOf(value))) {
        for (E e : all)
            if (ImGui::Selectable(geo::nameOf(e), e == value)) {
                value = e;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace viewer
