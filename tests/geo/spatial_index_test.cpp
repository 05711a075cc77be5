// R-tree queries (geo/spatial_index.cpp) against a brute-force answer.
#include "geo/spatial_index.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

TEST_CASE("window queries return exactly the boxes that intersect")
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> pos(0, 1000), size(0, 30);
    std::vector<geo::Extent> boxes(2000);
    for (auto& b : boxes) {
        double x = pos(rng), y = pos(rng);
        b.expand(x, y);
        b.expand(x + size(rng), y + size(rng));
    }
    boxes[5] = geo::Extent{}; // empty boxes are never returned
    geo::SpatialIndex index(boxes);
    CHECK(index.size() == boxes.size() - 1);
    geo::Extent w;
    w.expand(200, 300);
    w.expand(420, 380);
    auto got = index.query(w);
    std::sort(got.begin(), got.end());
    std::vector<uint32_t> want;
    for (uint32_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].intersects(w)) want.push_back(i);
    CHECK(got == want);
}

TEST_CASE("nearest ranks by box distance")
{
    std::vector<geo::Extent> boxes(3);
    boxes[0].expand(0, 0);
    boxes[0].expand(1, 1);
    boxes[1].expand(10, 10);
    boxes[1].expand(11, 11);
    boxes[2].expand(4, 4);
    boxes[2].expand(5, 5);
    geo::SpatialIndex index(boxes);
    auto n = index.nearest({6, 6}, 2);
    REQUIRE(n.size() == 2);
    CHECK(n[0] == 2);
    CHECK(n[1] == 1);
}
