"""The planned-work page (计划停机): the register, its approval and the customers' notice."""
