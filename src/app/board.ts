/** Entry of the participant app (the board page). */
export {};
