// Vertex layouts shared by several draw paths, described once.
#pragma once

namespace viewer {

// Position (2 floats), texture coordinate (2), colour (4): the layout of text and overlay
// quads. Call with the VAO and its VBO bound; sets attributes 0, 1 and 2.
void describePosUvColourVertices();

} // namespace viewer
